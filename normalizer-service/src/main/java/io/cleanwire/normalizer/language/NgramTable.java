package io.cleanwire.normalizer.language;

import java.util.Arrays;

/**
 * The character n-grams of one order (all of the same length) of many languages, in primitive
 * arrays: an open-addressing hash of packed n-gram keys, each slot pointing at a run of (language,
 * cost) postings, so that one probe yields the n-gram's cost in every language that has it.
 *
 * <p>A cost is {@code -ln p × COST_SCALE} rounded to a {@code short}, where {@code p} is the
 * n-gram's probability given its first {@code n − 1} characters (a unigram's: its frequency).
 * Languages are numbered by the caller (below 128). Built once, then read-only and thread-safe.
 */
final class NgramTable {

  /** Cost units per nat. */
  static final int COST_SCALE = 1024;

  /** Slot value layout: {@code start << RUN_BITS | length} of the posting run. */
  private static final int RUN_BITS = 7;

  private static final int MAX_POSTINGS = 1 << (31 - RUN_BITS);

  private final long[] keys;
  private final int[] runs;
  private final int mask;
  private final int shift;
  private final byte[] languages;
  private final short[] costs;
  private final int size;

  private NgramTable(
      long[] keys, int[] runs, byte[] languages, short[] costs, int size, int capacityBits) {
    this.keys = keys;
    this.runs = runs;
    this.mask = keys.length - 1;
    this.shift = 64 - capacityBits;
    this.languages = languages;
    this.costs = costs;
    this.size = size;
  }

  /** The slot of {@code key}, or -1 when no language has it. Keys are never 0. */
  int find(long key) {
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return slot;
      }
      if (k == 0) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** First posting of the slot's run. */
  int start(int slot) {
    return runs[slot] >>> RUN_BITS;
  }

  /** Postings in the slot's run. */
  int length(int slot) {
    return runs[slot] & ((1 << RUN_BITS) - 1);
  }

  /** The language of posting {@code i}. */
  int language(int i) {
    return languages[i];
  }

  /** The cost of posting {@code i}. */
  int cost(int i) {
    return costs[i];
  }

  /** Distinct n-grams. */
  int size() {
    return size;
  }

  /** Postings (n-gram, language pairs). */
  int postings() {
    return costs.length;
  }

  /** Approximate bytes held by the arrays. */
  long bytes() {
    return keys.length * 12L + costs.length * 3L;
  }

  /** Collects postings in any order, then packs them into a table. */
  static final class Builder {

    private long[] slotKeys = new long[1 << 12];
    private int[] slotIds = new int[1 << 12];
    private int bits = 12;
    private int distinct;
    // the posting of each add(), in arrival order, until build() groups them by key
    private int[] pendingIds = new int[1 << 12];
    private byte[] pendingLanguages = new byte[1 << 12];
    private short[] pendingCosts = new short[1 << 12];
    private int pending;

    /** Records that {@code language} has the n-gram {@code key} with {@code cost}. */
    void add(long key, int language, int cost) {
      if (key == 0 || language < 0 || language > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("bad key or language");
      }
      if (pending == pendingIds.length) {
        int n = pending + (pending >> 1);
        pendingIds = Arrays.copyOf(pendingIds, n);
        pendingLanguages = Arrays.copyOf(pendingLanguages, n);
        pendingCosts = Arrays.copyOf(pendingCosts, n);
      }
      if (pending == MAX_POSTINGS) {
        throw new IllegalStateException("too many postings for one table");
      }
      pendingIds[pending] = idOf(key);
      pendingLanguages[pending] = (byte) language;
      pendingCosts[pending] = (short) Math.min(Short.MAX_VALUE, Math.max(0, cost));
      pending++;
    }

    private int idOf(long key) {
      if ((distinct + 1) * 10L > slotKeys.length * 7L) {
        grow();
      }
      int m = slotKeys.length - 1;
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
      while (slotKeys[slot] != 0) {
        if (slotKeys[slot] == key) {
          return slotIds[slot];
        }
        slot = (slot + 1) & m;
      }
      slotKeys[slot] = key;
      slotIds[slot] = distinct;
      return distinct++;
    }

    private void grow() {
      long[] oldKeys = slotKeys;
      int[] oldIds = slotIds;
      bits++;
      slotKeys = new long[1 << bits];
      slotIds = new int[1 << bits];
      int m = slotKeys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          int slot = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> (64 - bits));
          while (slotKeys[slot] != 0) {
            slot = (slot + 1) & m;
          }
          slotKeys[slot] = oldKeys[i];
          slotIds[slot] = oldIds[i];
        }
      }
    }

    /** Groups the postings by n-gram (counting sort on the dense ids) and freezes the table. */
    NgramTable build() {
      int[] starts = new int[distinct + 1];
      for (int i = 0; i < pending; i++) {
        starts[pendingIds[i] + 1]++;
      }
      for (int i = 0; i < distinct; i++) {
        if (starts[i + 1] >= (1 << RUN_BITS)) {
          throw new IllegalStateException("more languages than a run can hold");
        }
        starts[i + 1] += starts[i];
      }
      byte[] languages = new byte[pending];
      short[] costs = new short[pending];
      int[] fill = Arrays.copyOf(starts, distinct);
      for (int i = 0; i < pending; i++) {
        int at = fill[pendingIds[i]]++;
        languages[at] = pendingLanguages[i];
        costs[at] = pendingCosts[i];
      }
      pendingIds = null;
      pendingLanguages = null;
      pendingCosts = null;
      // the builder's slots become the table's: the dense id is replaced by its posting run
      for (int slot = 0; slot < slotKeys.length; slot++) {
        if (slotKeys[slot] != 0) {
          int id = slotIds[slot];
          slotIds[slot] = starts[id] << RUN_BITS | (starts[id + 1] - starts[id]);
        }
      }
      NgramTable table = new NgramTable(slotKeys, slotIds, languages, costs, distinct, bits);
      slotKeys = null;
      slotIds = null;
      return table;
    }
  }
}

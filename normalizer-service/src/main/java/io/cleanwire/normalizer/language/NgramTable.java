package io.cleanwire.normalizer.language;

import java.util.Arrays;

/**
 * The character n-grams of one order (all of the same length) of many languages, in primitive
 * arrays: an open-addressing hash of packed n-gram keys, each slot pointing at a run of (language,
 * cost) postings, so that one probe yields the n-gram's cost in every language that has it.
 *
 * <p>Laid out for the cache: a text is scored letter by letter with probes all over tables far
 * larger than the CPU caches, so a slot's key and run sit side by side (one cache line), and a
 * posting's language and cost are one {@code int}.
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

  /** Slot {@code s}: its key at {@code 2s} (0: empty), its posting run at {@code 2s + 1}. */
  private final long[] slots;

  /** {@code language << 16 | cost}, grouped by n-gram. */
  private final int[] postings;

  private final int mask;
  private final int shift;
  private final int size;

  private NgramTable(long[] slots, int[] postings, int size, int capacityBits) {
    this.slots = slots;
    this.postings = postings;
    this.mask = (1 << capacityBits) - 1;
    this.shift = 64 - capacityBits;
    this.size = size;
  }

  /** The slot of {@code key}, or -1 when no language has it. Keys are never 0. */
  int find(long key) {
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    while (true) {
      long k = slots[slot << 1];
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
    return (int) slots[(slot << 1) + 1] >>> RUN_BITS;
  }

  /** Postings in the slot's run. */
  int length(int slot) {
    return (int) slots[(slot << 1) + 1] & ((1 << RUN_BITS) - 1);
  }

  /** The language of posting {@code i}. */
  int language(int i) {
    return postings[i] >>> 16;
  }

  /** The cost of posting {@code i}. */
  int cost(int i) {
    return postings[i] & 0xFFFF;
  }

  /** Distinct n-grams. */
  int size() {
    return size;
  }

  /** Postings (n-gram, language pairs). */
  int postings() {
    return postings.length;
  }

  /** Approximate bytes held by the arrays. */
  long bytes() {
    return slots.length * 8L + postings.length * 4L;
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
      int[] postings = new int[pending];
      int[] fill = Arrays.copyOf(starts, distinct);
      for (int i = 0; i < pending; i++) {
        int at = fill[pendingIds[i]]++;
        postings[at] = pendingLanguages[i] << 16 | pendingCosts[i];
      }
      pendingIds = null;
      pendingLanguages = null;
      pendingCosts = null;
      // each slot's key followed by its posting run (the dense id is no longer needed)
      long[] slots = new long[slotKeys.length * 2];
      for (int slot = 0; slot < slotKeys.length; slot++) {
        if (slotKeys[slot] != 0) {
          int id = slotIds[slot];
          slots[slot << 1] = slotKeys[slot];
          slots[(slot << 1) + 1] = starts[id] << RUN_BITS | (starts[id + 1] - starts[id]);
        }
      }
      NgramTable table = new NgramTable(slots, postings, distinct, bits);
      slotKeys = null;
      slotIds = null;
      return table;
    }
  }
}

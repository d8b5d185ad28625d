package io.cleanwire.normalizer.persistence;

import java.util.function.IntPredicate;

/**
 * An open-addressing hash table from 64-bit band keys to non-negative {@code int} values (the
 * holder's number in {@link BandMirror}), in flat primitive arrays: 8 bytes per slot instead of the
 * ~80 bytes per entry of a {@code HashMap<Long, …>}, and nothing for the garbage collector to
 * trace. The key is mixed to 64 bits; 6 of them choose one of {@value #SEGMENTS} segments and 32
 * more are kept as the fingerprint, which also gives the home slot. Two band keys with the same 38
 * bits are one key to the table: among 14 million keys about 350 pairs are, and all a pair can do
 * is offer a holder that then fails verification, the same on every replica. Linear probing;
 * removal shifts the following run back, so there are no tombstones. Segments grow one at a time
 * (by a quarter), so growing never needs more than a sixty-fourth of the table again in free heap.
 * Not thread-safe.
 */
final class BandTable {

  private static final int SEGMENTS = 64;
  private static final double MAX_LOAD = 0.75;

  private final Segment[] segments = new Segment[SEGMENTS];

  /** A table sized for {@code expected} keys without growing. */
  BandTable(long expected) {
    long perSegment = Math.max(16, expected / SEGMENTS + 1);
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(perSegment);
    }
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private Segment segment(long mixed) {
    return segments[(int) (mixed >>> 58)];
  }

  int size() {
    int n = 0;
    for (Segment s : segments) {
      n += s.size;
    }
    return n;
  }

  /** Slots allocated (8 bytes each). */
  long capacity() {
    long n = 0;
    for (Segment s : segments) {
      n += s.keys.length;
    }
    return n;
  }

  /** The 32 bits kept of a key, never 0 (the mark of an empty slot). */
  private static int fingerprint(long mixed) {
    int f = (int) (mixed >>> 26);
    return f == 0 ? 1 : f;
  }

  /** The value of {@code key}, or -1. */
  int get(long key) {
    long mixed = mix(key);
    return segment(mixed).get(fingerprint(mixed));
  }

  /** Sets the value ({@code >= 0}) of {@code key}. */
  void put(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    long mixed = mix(key);
    segment(mixed).put(fingerprint(mixed), value);
  }

  /** Removes every key whose value {@code expired} accepts; returns how many went. */
  int removeIf(IntPredicate expired) {
    int removed = 0;
    for (Segment s : segments) {
      removed += s.removeIf(expired);
    }
    return removed;
  }

  /** One open-addressing table. */
  private static final class Segment {
    int[] keys;
    int[] values;
    int size;

    Segment(long expected) {
      allocate(expected);
    }

    private void allocate(long expected) {
      long capacity = (long) Math.ceil(expected / MAX_LOAD) + 1;
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("band index too large: " + expected + " keys a segment");
      }
      keys = new int[(int) capacity];
      values = new int[(int) capacity];
      size = 0;
    }

    /** The home slot: the fingerprint, as a fraction of 2^32, multiplied onto [0, capacity). */
    private int slot(int fingerprint) {
      return (int) (((fingerprint & 0xFFFFFFFFL) * keys.length) >>> 32);
    }

    private int next(int i) {
      return i + 1 == keys.length ? 0 : i + 1;
    }

    int get(int key) {
      for (int i = slot(key); ; i = next(i)) {
        int k = keys[i];
        if (k == key) {
          return values[i];
        }
        if (k == 0) {
          return -1;
        }
      }
    }

    void put(int key, int value) {
      if (size + 1 > keys.length * MAX_LOAD) {
        grow();
      }
      for (int i = slot(key); ; i = next(i)) {
        int k = keys[i];
        if (k == key) {
          values[i] = value;
          return;
        }
        if (k == 0) {
          keys[i] = key;
          values[i] = value;
          size++;
          return;
        }
      }
    }

    int removeIf(IntPredicate expired) {
      int removed = 0;
      // start after an empty slot, so that no run wraps around the start of the walk
      int start = 0;
      while (keys[start] != 0) {
        start = next(start);
      }
      int i = next(start);
      for (int n = 0; n < keys.length; n++, i = next(i)) {
        while (keys[i] != 0 && expired.test(values[i])) {
          delete(i);
          removed++;
        }
      }
      return removed;
    }

    /** Empties slot {@code i} and moves back the entries of its run that probed past it. */
    private void delete(int i) {
      int hole = i;
      for (int j = next(hole); keys[j] != 0; j = next(j)) {
        int home = slot(keys[j]);
        // j may move into the hole unless its home lies after the hole, up to j (cyclically)
        boolean between = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!between) {
          keys[hole] = keys[j];
          values[hole] = values[j];
          hole = j;
        }
      }
      keys[hole] = 0;
      values[hole] = 0;
      size--;
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      allocate((long) (size * 1.25) + 16);
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i], oldValues[i]);
        }
      }
    }
  }
}

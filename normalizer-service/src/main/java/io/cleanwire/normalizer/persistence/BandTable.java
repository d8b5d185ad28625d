package io.cleanwire.normalizer.persistence;

import java.util.function.Predicate;

/**
 * An open-addressing hash table from 64-bit band keys to values, in two flat arrays: 12 bytes per
 * slot (a {@code long} key and a compressed reference) instead of the ~80 bytes per entry of a
 * {@code HashMap<Long, …>}. Linear probing; removal shifts the following run back, so there are no
 * tombstones. Not thread-safe.
 */
final class BandTable<V> {

  private static final double MAX_LOAD = 0.75;

  private long[] keys;
  private Object[] values;
  private int size;

  /** The value of band key 0, which marks an empty slot in {@link #keys}. */
  private V zeroValue;

  /** A table sized for {@code expected} keys without growing. */
  BandTable(long expected) {
    int capacity = capacityFor(Math.max(16, expected));
    keys = new long[capacity];
    values = new Object[capacity];
  }

  private static int capacityFor(long expected) {
    long capacity = (long) Math.ceil(expected / MAX_LOAD) + 1;
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("band index too large: " + expected + " keys");
    }
    return (int) capacity;
  }

  int size() {
    return size + (zeroValue == null ? 0 : 1);
  }

  /** Slots allocated (for the heap estimate: 12 bytes each). */
  int capacity() {
    return keys.length;
  }

  private int slot(long key) {
    // a 64-bit mix, then a multiply-shift onto [0, capacity): no modulo, any capacity
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    return (int) Math.multiplyHigh(h & Long.MAX_VALUE, (long) keys.length << 1);
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    if (key == 0) {
      return zeroValue;
    }
    for (int i = slot(key); ; i = next(i)) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == 0) {
        return null;
      }
    }
  }

  void put(long key, V value) {
    if (key == 0) {
      zeroValue = value;
      return;
    }
    if (size + 1 > keys.length * MAX_LOAD) {
      grow();
    }
    for (int i = slot(key); ; i = next(i)) {
      long k = keys[i];
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

  /** Removes every key whose value {@code expired} accepts; returns how many went. */
  @SuppressWarnings("unchecked")
  int removeIf(Predicate<V> expired) {
    int removed = 0;
    if (zeroValue != null && expired.test(zeroValue)) {
      zeroValue = null;
      removed++;
    }
    // Start after an empty slot, so that no run wraps around the start of the walk.
    int start = 0;
    while (keys[start] != 0) {
      start = next(start);
    }
    int i = next(start);
    for (int n = 0; n < keys.length; n++, i = next(i)) {
      while (keys[i] != 0 && expired.test((V) values[i])) {
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
      // j may move into the hole when its home is not between the hole (exclusive) and j
      boolean between = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!between) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = 0;
    values[hole] = null;
    size--;
  }

  private int next(int i) {
    return i + 1 == keys.length ? 0 : i + 1;
  }

  @SuppressWarnings("unchecked")
  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    int capacity = capacityFor((long) (size * 1.5) + 16);
    keys = new long[capacity];
    values = new Object[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
  }
}

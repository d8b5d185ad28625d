package io.cleanwire.normalizer.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The holders of the in-memory band index, by number: each one's claim time and entry key, in
 * primitive arrays (the keys' UTF-8 bytes one after another in one array). A million holders take
 * ~20 bytes each plus their keys, and the garbage collector has nothing in them to trace; as
 * objects (a record, a string, its bytes) they took ~80 bytes each and made G1 mark a million
 * objects over and over. Numbers of removed holders are reused. Not thread-safe.
 */
final class Holders {

  private static final long FREE = Long.MIN_VALUE;

  private long[] micros = new long[1024];
  private int[] start = new int[1024];
  private int[] length = new int[1024];
  private byte[] bytes = new byte[16 * 1024];
  private int used;
  private int count;
  private int[] free = new int[64];
  private int freeCount;

  /** Numbers given out and not removed. */
  int size() {
    return count - freeCount;
  }

  /** Bytes held, for the log. */
  long bytes() {
    return micros.length * 16L + bytes.length;
  }

  /** A number for a holder. */
  int add(String entryKey, long claimedMicros) {
    byte[] key = entryKey.getBytes(StandardCharsets.UTF_8);
    int n;
    if (freeCount > 0) {
      n = free[--freeCount];
    } else {
      if (count == micros.length) {
        int capacity = count + count / 2;
        micros = Arrays.copyOf(micros, capacity);
        start = Arrays.copyOf(start, capacity);
        length = Arrays.copyOf(length, capacity);
      }
      n = count++;
    }
    if (used + key.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + key.length, bytes.length + bytes.length / 2));
    }
    System.arraycopy(key, 0, bytes, used, key.length);
    micros[n] = claimedMicros;
    start[n] = used;
    length[n] = key.length;
    used += key.length;
    return n;
  }

  /** Holder {@code n}. */
  DedupBatch.Held get(int n) {
    return new DedupBatch.Held(
        new String(bytes, start[n], length[n], StandardCharsets.UTF_8), micros[n]);
  }

  /** When holder {@code n} claimed its keys (microseconds since the epoch). */
  long micros(int n) {
    return micros[n];
  }

  /**
   * Removes the holders that claimed before {@code cutoffMicros}, freeing their numbers, and packs
   * the keys of the others. Returns how many went.
   */
  int removeBefore(long cutoffMicros) {
    int removed = 0;
    byte[] packed = new byte[Math.max(16 * 1024, used)];
    int packedUsed = 0;
    for (int n = 0; n < count; n++) {
      if (micros[n] == FREE) {
        continue;
      }
      if (micros[n] < cutoffMicros) {
        micros[n] = FREE;
        if (freeCount == free.length) {
          free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = n;
        removed++;
      } else {
        System.arraycopy(bytes, start[n], packed, packedUsed, length[n]);
        start[n] = packedUsed;
        packedUsed += length[n];
      }
    }
    bytes = packed;
    used = packedUsed;
    return removed;
  }
}

package io.cleanwire.normalizer.dedup;

/**
 * MinHash signatures and their LSH band keys: two shingle sets with Jaccard similarity {@code J}
 * share at least one band with probability {@code 1 − (1 − J^rows)^bands} (6 bands of 3 rows: 92%
 * at J = 0.7, 55% at 0.5, 9% at 0.25; 8 bands of 2 rows: 99.5%, 90%, 40%), so only likely
 * duplicates are ever compared.
 */
public final class MinHashLsh {

  private final int bands;
  private final int rows;
  private final long[] seeds;
  private final long salt;

  /**
   * @param salt makes the band keys of differently built signatures disjoint
   */
  public MinHashLsh(int bands, int rows, long salt) {
    this.bands = bands;
    this.rows = rows;
    this.salt = salt;
    this.seeds = new long[bands * rows];
    long s = 0x2545F4914F6CDD1DL ^ salt;
    for (int i = 0; i < seeds.length; i++) {
      s += 0x9E3779B97F4A7C15L;
      seeds[i] = splitmix(s);
    }
  }

  /** The band keys of a set given as shingle hashes (any order, repeats allowed). */
  public long[] bandKeys(int[] shingles) {
    if (shingles.length == 0) {
      return new long[0];
    }
    long[] min = new long[seeds.length];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int shingle : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        long h = splitmix(shingle ^ seeds[i]) >>> 1;
        if (h < min[i]) {
          min[i] = h;
        }
      }
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = splitmix(salt * 31 + b + 1L);
      for (int r = 0; r < rows; r++) {
        h = splitmix(h ^ min[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  private static long splitmix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

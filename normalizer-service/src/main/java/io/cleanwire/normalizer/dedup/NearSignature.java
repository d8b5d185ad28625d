package io.cleanwire.normalizer.dedup;

import java.util.Arrays;

/**
 * What the near-duplicate index keeps of an entry: its distinct shingles (sorted hashes, bounded),
 * its LSH band keys and a key of its media, so that a later entry can be verified against it.
 *
 * @param shingles distinct shingle hashes, sorted
 * @param bands LSH band keys
 * @param mediaKey hash of the entry's enclosure URLs, or null when it has none
 */
public record NearSignature(int[] shingles, long[] bands, String mediaKey) {

  /** Whether both entries carry media and it differs (gallery items with one caption). */
  public boolean mediaDiffers(NearSignature other) {
    return mediaKey != null && other.mediaKey != null && !mediaKey.equals(other.mediaKey);
  }

  /** Whether {@code band} is one of this entry's bands. */
  public boolean hasBand(long band) {
    for (long b : bands) {
      if (b == band) {
        return true;
      }
    }
    return false;
  }

  /** Shingles both sets hold (one merge of the sorted arrays). */
  int shared(NearSignature other) {
    int[] a = shingles;
    int[] b = other.shingles;
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NearSignature s
        && Arrays.equals(shingles, s.shingles)
        && Arrays.equals(bands, s.bands)
        && java.util.Objects.equals(mediaKey, s.mediaKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shingles) * 31 + Arrays.hashCode(bands);
  }

  @Override
  public String toString() {
    return "NearSignature[shingles=" + shingles.length + ", bands=" + bands.length + "]";
  }
}

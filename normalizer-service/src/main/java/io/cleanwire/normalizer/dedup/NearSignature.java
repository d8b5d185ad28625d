package io.cleanwire.normalizer.dedup;

import java.util.Arrays;

/**
 * What the near-duplicate index keeps of an entry: its distinct shingles (sorted hashes, bounded),
 * its LSH band keys and a key of its media, so that a later entry can be verified against it.
 *
 * @param shingles distinct shingle hashes, sorted
 * @param bands LSH band keys
 * @param mediaKey hash of the entry's enclosure URLs, or null when it has none
 * @param seriesTitle the entry's headline when it has a series label ({@link SeriesTitle}), or null
 */
public record NearSignature(int[] shingles, long[] bands, String mediaKey, String seriesTitle) {

  /** A signature of an entry whose headline has no series label (or is not known). */
  public NearSignature(int[] shingles, long[] bands, String mediaKey) {
    this(shingles, bands, mediaKey, null);
  }

  /**
   * Whether both headlines carry one series label and say different things after it: two items of a
   * series ("Election live: turnout at a record" and "Election live: polls close in Ohio").
   */
  public boolean otherItemOfSeries(NearSignature other) {
    return seriesTitle != null
        && other.seriesTitle != null
        && SeriesTitle.differentItems(seriesTitle, other.seriesTitle);
  }

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
        && java.util.Objects.equals(mediaKey, s.mediaKey)
        && java.util.Objects.equals(seriesTitle, s.seriesTitle);
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

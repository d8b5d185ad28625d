package io.cleanwire.normalizer.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the story an entry re-tells: shingles → MinHash → LSH bands claimed in the shared {@link
 * NearIndex}; the holders of the entry's bands are the candidates, and a candidate matches only
 * when the verified Jaccard similarity or containment of the two shingle sets is high enough.
 *
 * <p>Same decision whatever the order of arrival and the number of replicas: a band's holder is
 * decided once by a primary key, so two concurrent copies A and B both know, for the bands they
 * share, which of them holds which. If only B holds shared bands, A joins B; if both hold some, the
 * one with the larger entryKey joins the other. Exactly one of the two joins, and each waits only
 * for the decision of the entry it joins.
 */
public final class NearDuplicates {

  /**
   * Thresholds and bounds.
   *
   * @param window how long a signature can be matched
   * @param minJaccard verified Jaccard similarity that makes a match
   * @param minContainment verified containment that makes a match (truncated copies)
   * @param minShingles an entry with fewer distinct shingles is too short to match
   * @param maxTokens tokens of an entry's text that are read
   */
  public record Settings(
      Duration window, double minJaccard, double minContainment, int minShingles, int maxTokens) {

    public static Settings defaults() {
      return new Settings(Duration.ofDays(14), 0.6, 0.8, 12, 1000);
    }
  }

  /** A verified match: the entry matched and the similarity that justified it. */
  public record Match(String entryKey, double similarity) {}

  private final NearIndex index;
  private final Settings settings;
  private final Clock clock;
  private final Shingler shingler;

  /** Bands over the first 20 shingles: a truncated summary is the beginning of its full text. */
  private final MinHashLsh leadLsh = new MinHashLsh(8, 2, 1);

  /** Bands over the first 80 shingles: robust to a wrapper line or a few edited words. */
  private final MinHashLsh bodyLsh = new MinHashLsh(8, 4, 2);

  public NearDuplicates(NearIndex index, Settings settings, Clock clock) {
    this.index = index;
    this.settings = settings;
    this.clock = clock;
    this.shingler = new Shingler(settings.maxTokens());
  }

  /** The same matching over another index (one batch's view of the shared one). */
  public NearDuplicates withIndex(NearIndex other) {
    return new NearDuplicates(other, settings, clock);
  }

  /** Thresholds and bounds in use. */
  public Settings settings() {
    return settings;
  }

  /** The clock deciding what the window keeps. */
  public Clock clock() {
    return clock;
  }

  /**
   * The signature of an entry's text, or null when the text is too short to match anything.
   *
   * @param text the cleaned plain text (content, or summary when there is no content)
   * @param media enclosure URLs, may be empty
   */
  public NearSignature sign(String text, List<String> media) {
    int[] ordered = shingler.orderedShingles(text);
    int[] distinct = Shingler.distinctSorted(ordered);
    if (distinct.length < settings.minShingles()) {
      return null;
    }
    // Bands from the first shingles only: MinHash of a 30-shingle summary against a 900-shingle
    // article would never collide, while their beginnings are the same.
    long[] lead = leadLsh.bandKeys(Arrays.copyOf(ordered, Math.min(ordered.length, 20)));
    long[] body = bodyLsh.bandKeys(Arrays.copyOf(ordered, Math.min(ordered.length, 80)));
    long[] bands = Arrays.copyOf(lead, lead.length + body.length);
    System.arraycopy(body, 0, bands, lead.length, body.length);
    String mediaKey =
        media == null || media.isEmpty()
            ? null
            : ContentFingerprint.sha256Hex(String.join("\n", media.stream().sorted().toList()))
                .substring(0, 32);
    return new NearSignature(distinct, bands, mediaKey);
  }

  /**
   * Records {@code entryKey}'s signature and bands, and returns the entry it must join, if any,
   * with the similarity. {@code decisions} gives an entry's story once decided.
   */
  public Optional<Match> claimAndMatch(String entryKey, NearSignature signature) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.window());
    // holder per band, for every band (no short cut: the other side must see the same holders)
    Map<String, List<Long>> heldBy = new LinkedHashMap<>();
    long[] bands = signature.bands();
    String[] holders = index.saveAndClaim(entryKey, signature, now, cutoff);
    for (int i = 0; i < bands.length; i++) {
      heldBy.computeIfAbsent(holders[i], k -> new ArrayList<>()).add(bands[i]);
    }
    List<Long> mine = heldBy.getOrDefault(entryKey, List.of());
    Match best = null;
    for (Map.Entry<String, List<Long>> e : heldBy.entrySet()) {
      String other = e.getKey();
      if (other.equals(entryKey)) {
        continue;
      }
      Optional<NearSignature> theirs = index.findSignature(other, cutoff);
      if (theirs.isEmpty()) {
        continue;
      }
      Double similarity = verify(signature, theirs.get());
      if (similarity == null) {
        continue;
      }
      boolean iHoldOneOfTheirs = mine.stream().anyMatch(b -> theirs.get().hasBand(b));
      // both hold shared bands: both see each other; the larger key joins the smaller
      if (iHoldOneOfTheirs && other.compareTo(entryKey) > 0) {
        continue;
      }
      if (best == null
          || similarity > best.similarity()
          || (similarity == best.similarity() && other.compareTo(best.entryKey()) < 0)) {
        best = new Match(other, similarity);
      }
    }
    return Optional.ofNullable(best);
  }

  /** The entry {@link #claimAndMatch} would join now, without recording anything. */
  public Optional<Match> lookup(String entryKey, NearSignature signature) {
    Instant cutoff = clock.instant().minus(settings.window());
    Match best = null;
    for (long band : signature.bands()) {
      Optional<String> holder = index.findBandHolder(band, cutoff);
      if (holder.isEmpty() || holder.get().equals(entryKey)) {
        continue;
      }
      Optional<NearSignature> theirs = index.findSignature(holder.get(), cutoff);
      Double similarity = theirs.map(t -> verify(signature, t)).orElse(null);
      if (similarity != null && (best == null || similarity > best.similarity())) {
        best = new Match(holder.get(), similarity);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether the verified similarity of {@code a} and {@code b} makes them one story. */
  public boolean sameStory(NearSignature a, NearSignature b) {
    return verify(a, b) != null;
  }

  /** The similarity that makes {@code a} and {@code b} one story, or null when they are not. */
  Double verify(NearSignature a, NearSignature b) {
    if (a.mediaDiffers(b) && Math.min(a.shingles().length, b.shingles().length) < 60) {
      return null; // gallery items: one caption, different pictures
    }
    // Jaccard (shared over all), then containment (shared over the smaller set), from one count
    int shared = a.shared(b);
    int union = a.shingles().length + b.shingles().length - shared;
    double jaccard = union == 0 ? 0.0 : (double) shared / union;
    if (jaccard >= settings.minJaccard()) {
      return round(jaccard);
    }
    int smaller = Math.min(a.shingles().length, b.shingles().length);
    double containment = smaller == 0 ? 0.0 : (double) shared / smaller;
    if (containment >= settings.minContainment()) {
      return round(containment);
    }
    return null;
  }

  /** Deletes what is older than the window. */
  public int purge() {
    return index.purge(clock.instant().minus(settings.window()));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

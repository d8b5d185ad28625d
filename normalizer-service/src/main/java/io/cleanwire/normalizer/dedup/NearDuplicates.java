package io.cleanwire.normalizer.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the story an entry re-tells: shingles → MinHash → LSH bands claimed in the shared {@link
 * NearIndex}; the holders of the entry's bands are the candidates, and a candidate matches only
 * when the verified Jaccard similarity or containment of the two shingle sets is high enough.
 *
 * <p>Same decision whatever the number of replicas and however concurrent copies interleave: a
 * band's holder is decided once by a primary key, so two concurrent copies A and B both know, for
 * the bands they share, which of them holds which. If only B holds shared bands, A joins B; if both
 * hold some, the one with the larger entryKey joins the other. Exactly one of the two joins, and
 * each waits only for the decision of the entry it joins.
 *
 * <p>A band held by an entry that does not verify (another story: a follow-up that repeats this
 * story's opening paragraph holds its lead bands) would hide the story from every later copy that
 * reaches it through that band, such as its truncated summary. So an entry walks past such holders
 * to the band's next slot ({@link #slotKey}, up to {@value #SLOTS} in all), which it claims or
 * where it meets its own story; the holders along the walk never change, so both sides of a race
 * still see the same holders.
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

  /** Slots per band: the band key and up to three more when holders are other stories. */
  public static final int SLOTS = 4;

  private final NearIndex index;
  private final Settings settings;
  private final Clock clock;
  private final Shingler shingler;

  /** Bands over the first 20 shingles: a truncated summary is the beginning of its full text. */
  private final MinHashLsh leadLsh = new MinHashLsh(8, 2, 1);

  /**
   * Bands over the first 80 shingles: robust to a wrapper line or a few edited words. Six bands of
   * three rows find a copy more often than the eight of four rows used until 2026-12-06 wherever
   * the two texts' Jaccard similarity is above ~0.35 (0.77 against 0.67 at J = 0.6, the matching
   * threshold) and write two rows fewer per entry. Salt 3: keys written under the old layout (salt
   * 2) never meet these; they leave the index with the window.
   */
  private final MinHashLsh bodyLsh = new MinHashLsh(6, 3, 3);

  /**
   * Verified similarities already computed, by identity of both signatures (NaN: not one story), or
   * null. Only a batch's matcher keeps them: its signatures live as long as the batch.
   */
  private final Map<NearSignature, Map<NearSignature, Double>> verifiedPairs;

  public NearDuplicates(NearIndex index, Settings settings, Clock clock) {
    this(index, settings, clock, null);
  }

  private NearDuplicates(
      NearIndex index,
      Settings settings,
      Clock clock,
      Map<NearSignature, Map<NearSignature, Double>> verifiedPairs) {
    this.index = index;
    this.settings = settings;
    this.clock = clock;
    this.shingler = new Shingler(settings.maxTokens());
    this.verifiedPairs = verifiedPairs;
  }

  /**
   * The same matching over another index (one batch's view of the shared one). It remembers every
   * pair of signatures it verifies: the batch's prefetch, its walk of band slots and the matching
   * each compare an entry with the same holders.
   */
  public NearDuplicates withIndex(NearIndex other) {
    return new NearDuplicates(other, settings, clock, new IdentityHashMap<>());
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
    return sign(null, text, media);
  }

  /**
   * The signature of an entry's text, or null when the text is too short to match anything.
   *
   * @param title the cleaned headline (may be null): items of one series are told apart by it
   * @param text the cleaned plain text (content, or summary when there is no content)
   * @param media enclosure URLs, may be empty
   */
  public NearSignature sign(String title, String text, List<String> media) {
    int[] ordered = shingler.orderedShingles(withoutReadMoreTail(text));
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
    return new NearSignature(distinct, bands, mediaKey, SeriesTitle.of(title));
  }

  /** Longest tail after a truncation mark that is taken for a "read more" link. */
  private static final int MAX_TAIL_CHARS = 40;

  private static final java.util.regex.Pattern LEADING_DOTS =
      java.util.regex.Pattern.compile("^[.…]+");
  private static final java.util.regex.Pattern LEADING_CLOSERS =
      java.util.regex.Pattern.compile("^[\\])]+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /**
   * {@code text} without the link text a truncated summary ends with: "… Read more", "… Continue
   * reading", "[…]", "… Lire la suite" (at most five words and {@value #MAX_TAIL_CHARS} characters
   * after the last ellipsis). Those words are in the summary and not in its full text, so they cost
   * a truncated copy containment and, being among its few shingles, the lead bands it shares with
   * the full text. Only the signature reads this; the entry's text is left as it is.
   */
  static String withoutReadMoreTail(String text) {
    if (text == null) {
      return null;
    }
    // only the end can hold the mark: no need to search a long text for an earlier one
    int from = Math.max(0, text.length() - MAX_TAIL_CHARS - 3);
    String end = text.substring(from);
    int last = Math.max(end.lastIndexOf('…'), end.lastIndexOf("..."));
    if (last < 0) {
      return text;
    }
    int mark = from + last;
    String tail = LEADING_DOTS.matcher(text.substring(mark)).replaceFirst("").strip();
    tail = LEADING_CLOSERS.matcher(tail).replaceFirst("").strip();
    if (tail.length() > MAX_TAIL_CHARS || (!tail.isEmpty() && SPACES.split(tail).length > 5)) {
      return text;
    }
    String head = text.substring(0, mark).stripTrailing();
    if (head.endsWith("[") || head.endsWith("(")) {
      head = head.substring(0, head.length() - 1).stripTrailing();
    }
    return head;
  }

  /**
   * Records {@code entryKey}'s signature and bands, and returns the entry it must join, if any,
   * with the similarity. {@code decisions} gives an entry's story once decided.
   */
  public Optional<Match> claimAndMatch(String entryKey, NearSignature signature) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.window());
    long[] bands = signature.bands();
    // the holders of each band's slots, walked while they are other entries that do not verify
    // (no short cut: the other side of a race must see the same holders)
    List<List<String>> chains = new ArrayList<>(bands.length);
    String[] holders = index.saveAndClaim(entryKey, signature, now, cutoff);
    for (String holder : holders) {
      chains.add(new ArrayList<>(List.of(holder)));
    }
    Map<String, Optional<NearSignature>> signatures = new HashMap<>();
    Map<String, Optional<Double>> verified = new HashMap<>();
    Function<String, Optional<Double>> similarityTo =
        other ->
            verified.computeIfAbsent(
                other,
                o ->
                    signatures
                        .computeIfAbsent(o, k -> index.findSignature(k, cutoff))
                        .map(theirs -> verify(signature, theirs)));
    for (int slot = 1; slot < SLOTS; slot++) {
      List<Integer> blocked = new ArrayList<>();
      for (int i = 0; i < bands.length; i++) {
        List<String> chain = chains.get(i);
        String last = chain.get(chain.size() - 1);
        if (chain.size() == slot && !last.equals(entryKey) && similarityTo.apply(last).isEmpty()) {
          blocked.add(i);
        }
      }
      if (blocked.isEmpty()) {
        break;
      }
      long[] keys = new long[blocked.size()];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = slotKey(bands[blocked.get(k)], slot);
      }
      String[] next = index.claim(entryKey, keys, now, cutoff);
      for (int k = 0; k < keys.length; k++) {
        chains.get(blocked.get(k)).add(next[k]);
      }
    }
    Match best = null;
    Set<String> compared = new LinkedHashSet<>();
    chains.forEach(compared::addAll);
    for (String other : compared) {
      if (other.equals(entryKey)) {
        continue;
      }
      Optional<Double> similarity = similarityTo.apply(other);
      if (similarity.isEmpty()) {
        continue;
      }
      NearSignature theirs = signatures.get(other).orElseThrow();
      // both hold keys the other reached: both see each other; the larger key joins the smaller
      if (other.compareTo(entryKey) > 0
          && holdsOneTheyReached(entryKey, bands, chains, theirs, other, signatures)) {
        continue;
      }
      double value = similarity.get();
      if (best == null
          || value > best.similarity()
          || (value == best.similarity() && other.compareTo(best.entryKey()) < 0)) {
        best = new Match(other, value);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether {@code entryKey} holds a slot that {@code other} reached when it claimed its own: other
   * has the band, and walked past every earlier holder of the band's slots (none of them was other
   * itself or verified with it). Holders never change within the window, so both sides of a race
   * reach the same answer.
   */
  private boolean holdsOneTheyReached(
      String entryKey,
      long[] bands,
      List<List<String>> chains,
      NearSignature theirs,
      String other,
      Map<String, Optional<NearSignature>> signatures) {
    for (int i = 0; i < bands.length; i++) {
      List<String> chain = chains.get(i);
      int mine = chain.indexOf(entryKey);
      if (mine < 0 || !theirs.hasBand(bands[i])) {
        continue;
      }
      boolean reached = true;
      for (int j = 0; j < mine && reached; j++) {
        String before = chain.get(j);
        Optional<NearSignature> sig = signatures.getOrDefault(before, Optional.empty());
        reached = !before.equals(other) && sig.map(b -> verify(theirs, b) == null).orElse(true);
      }
      if (reached) {
        return true;
      }
    }
    return false;
  }

  /** The entry {@link #claimAndMatch} would join now, without recording anything. */
  public Optional<Match> lookup(String entryKey, NearSignature signature) {
    Instant cutoff = clock.instant().minus(settings.window());
    Match best = null;
    for (long band : signature.bands()) {
      for (int slot = 0; slot < SLOTS; slot++) {
        Optional<String> holder = index.findBandHolder(slotKey(band, slot), cutoff);
        if (holder.isEmpty() || holder.get().equals(entryKey)) {
          break;
        }
        Optional<NearSignature> theirs = index.findSignature(holder.get(), cutoff);
        Double similarity = theirs.map(t -> verify(signature, t)).orElse(null);
        if (similarity != null) {
          if (best == null || similarity > best.similarity()) {
            best = new Match(holder.get(), similarity);
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The key of a band's {@code slot}: slot 0 is the band key itself. When a band's holder is
   * another story (a follow-up repeating this story's opening paragraph holds its lead bands), the
   * entry claims, or meets its own story at, the band's next slot.
   */
  public static long slotKey(long band, int slot) {
    if (slot == 0) {
      return band;
    }
    long z = band + slot * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Whether the verified similarity of {@code a} and {@code b} makes them one story. */
  public boolean sameStory(NearSignature a, NearSignature b) {
    return verify(a, b) != null;
  }

  /** The similarity that makes {@code a} and {@code b} one story, or null when they are not. */
  Double verify(NearSignature a, NearSignature b) {
    if (verifiedPairs == null) {
      return similarity(a, b);
    }
    Map<NearSignature, Double> withA =
        verifiedPairs.computeIfAbsent(a, k -> new IdentityHashMap<>());
    Double known = withA.get(b);
    if (known == null) {
      Double computed = similarity(a, b);
      known = computed == null ? Double.NaN : computed;
      withA.put(b, known);
      verifiedPairs.computeIfAbsent(b, k -> new IdentityHashMap<>()).put(a, known);
    }
    return known.isNaN() ? null : known;
  }

  private Double similarity(NearSignature a, NearSignature b) {
    if (a.mediaDiffers(b) && Math.min(a.shingles().length, b.shingles().length) < 60) {
      return null; // gallery items: one caption, different pictures
    }
    if (a.otherItemOfSeries(b)) {
      return null; // "Live: …" items over one standfirst or the same background paragraphs
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

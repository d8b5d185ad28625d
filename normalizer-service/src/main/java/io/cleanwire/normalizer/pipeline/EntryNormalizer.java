package io.cleanwire.normalizer.pipeline;

import io.cleanwire.events.Enclosure;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.Fingerprints;
import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.boilerplate.Boilerplate;
import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.dedup.ContentFingerprint;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.NearSignature;
import io.cleanwire.normalizer.dedup.StoryDecider;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.language.LanguageGuess;
import io.cleanwire.normalizer.language.LanguageHints;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import io.cleanwire.normalizer.text.RepairKinds;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.SimpleSteps;
import io.cleanwire.normalizer.text.TextPipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns one {@link EntryFetchedEvent} into its {@link EntryNormalizedEvent}: text cleaned, content
 * sanitized, canonical URL, language, fingerprint, then the story decision.
 *
 * <p>Plain Java; the messaging adapter calls {@link #normalizeAll} for each batch it consumes
 * (decisions recorded in one transaction), the REST adapters {@link #normalize} and {@link
 * #preview} (decision only looked up).
 */
public final class EntryNormalizer {

  private final TextPipeline title = TextPipeline.title();
  private final TextPipeline summary = TextPipeline.summary();
  private final TextPipeline label = TextPipeline.label();
  private final HtmlSanitizer sanitizer;
  private final UrlCanonicalizer canonicalizer;
  private final LanguageDetector languageDetector;
  private final StoryDecider matcher;
  private final NearDuplicates near;
  private final Clock clock;
  private final Boilerplate boilerplate;

  public EntryNormalizer(
      HtmlSanitizer sanitizer,
      UrlCanonicalizer canonicalizer,
      LanguageDetector languageDetector,
      StoryDecider matcher,
      Clock clock) {
    this(sanitizer, canonicalizer, languageDetector, matcher, null, clock, Boilerplate.defaults());
  }

  /** With boilerplate stripping as configured; {@code boilerplate} null switches it off. */
  public EntryNormalizer(
      HtmlSanitizer sanitizer,
      UrlCanonicalizer canonicalizer,
      LanguageDetector languageDetector,
      StoryDecider matcher,
      Clock clock,
      Boilerplate boilerplate) {
    this(sanitizer, canonicalizer, languageDetector, matcher, null, clock, boilerplate);
  }

  /** With near-duplicate signing; default boilerplate stripping. */
  public EntryNormalizer(
      HtmlSanitizer sanitizer,
      UrlCanonicalizer canonicalizer,
      LanguageDetector languageDetector,
      StoryDecider matcher,
      NearDuplicates near,
      Clock clock) {
    this(sanitizer, canonicalizer, languageDetector, matcher, near, clock, Boilerplate.defaults());
  }

  /**
   * @param near near-duplicate signing (the same instance the matcher uses), or null for exact
   *     matching only
   * @param boilerplate boilerplate stripping as configured, or null to switch it off
   */
  public EntryNormalizer(
      HtmlSanitizer sanitizer,
      UrlCanonicalizer canonicalizer,
      LanguageDetector languageDetector,
      StoryDecider matcher,
      NearDuplicates near,
      Clock clock,
      Boilerplate boilerplate) {
    this.sanitizer = sanitizer;
    this.canonicalizer = canonicalizer;
    this.languageDetector = languageDetector;
    this.matcher = matcher;
    this.near = near;
    this.clock = clock;
    this.boilerplate = boilerplate;
  }

  /** Normalizes and records the story decision (idempotent per entryKey). */
  public EntryNormalizedEvent normalize(EntryFetchedEvent event) {
    Draft draft = clean(event, true);
    return toEvent(draft, matcher.decideAll(List.of(draft.candidate())).get(0));
  }

  /**
   * What became of one entry of a batch: its normalized event, or why it was refused. Exactly one
   * of the two is set.
   */
  public record Outcome(EntryNormalizedEvent normalized, RuntimeException failure) {}

  /**
   * Normalizes a batch: each entry is cleaned on its own (a bad entry fails alone, with its
   * reason), then the story decisions of the good ones are made and recorded together, in order. A
   * failure of the decision step (the database) is thrown for the whole batch.
   */
  public List<Outcome> normalizeAll(List<EntryFetchedEvent> events) {
    Outcome[] out = new Outcome[events.size()];
    List<Draft> drafts = new ArrayList<>(events.size());
    List<Integer> slots = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      try {
        drafts.add(clean(events.get(i), true));
        slots.add(i);
      } catch (RuntimeException e) {
        out[i] = new Outcome(null, e);
      }
    }
    List<StoryDecision> decisions =
        matcher.decideAll(drafts.stream().map(Draft::candidate).toList());
    for (int j = 0; j < drafts.size(); j++) {
      out[slots.get(j)] = new Outcome(toEvent(drafts.get(j), decisions.get(j)), null);
    }
    return List.of(out);
  }

  /** Normalizes and looks the story decision up without recording anything. */
  public EntryNormalizedEvent preview(EntryFetchedEvent event) {
    Draft draft = clean(event, false);
    return toEvent(draft, matcher.lookup(draft.candidate()));
  }

  /** Cleans a summary the way {@link #normalize} does, without feed-specific boilerplate. */
  public TextPipeline.Cleaned repairSummary(String text) {
    TextPipeline.Cleaned cleaned = summary.clean("summary", text);
    if (boilerplate == null || cleaned.text() == null) {
      return cleaned;
    }
    Boilerplate.Stripped stripped = boilerplate.strip(null, null, cleaned.text(), null, false);
    List<Repair> repairs = new ArrayList<>(cleaned.repairs());
    repairs.addAll(stripped.repairs());
    return new TextPipeline.Cleaned(stripped.summary(), repairs);
  }

  /** Cleans a title the way {@link #normalize} does. */
  public TextPipeline.Cleaned repairTitle(String text) {
    return title.clean("title", text);
  }

  private Draft clean(EntryFetchedEvent event, boolean observe) {
    if (event == null) {
      throw new InvalidEntryException("empty record: no event");
    }
    if (event.entryKey() == null || event.entryKey().isBlank()) {
      throw new InvalidEntryException(
          "event has no entryKey, eventId="
              + event.eventId()
              + " feedUrl="
              + (event.feed() == null ? null : event.feed().url()));
    }
    List<Repair> repairs = new ArrayList<>();

    TextPipeline.Cleaned cleanTitle = title.clean("title", event.title());
    repairs.addAll(cleanTitle.repairs());
    TextPipeline.Cleaned cleanSummary = summary.clean("summary", event.summaryHtml());
    repairs.addAll(cleanSummary.repairs());

    UrlCanonicalizer.Canonical canonical = canonicalizer.canonicalize(event.link());

    String contentSource = event.contentHtml();
    boolean fromSummary = false;
    if (contentSource == null || contentSource.isBlank()) {
      contentSource = event.summaryHtml();
      fromSummary = contentSource != null && !contentSource.isBlank();
    }
    RepairLog contentLog = new RepairLog("contentHtml");
    HtmlSanitizer.Sanitized content = sanitizer.sanitize(contentSource, event.link(), contentLog);
    // what sanitizing the feed's HTML changed; a second pass over stripped, clean HTML finds
    // nothing
    HtmlSanitizer.Sanitized sanitized = content;
    repairs.addAll(contentLog.repairs());
    String summaryText = cleanSummary.text();
    if (boilerplate != null) {
      Boilerplate.Stripped stripped =
          boilerplate.strip(
              event.feed() == null ? null : event.feed().url(),
              event.entryKey(),
              summaryText,
              content.hasVisibleContent() ? content.html() : null,
              observe);
      repairs.addAll(stripped.repairs());
      summaryText = stripped.summary();
      if (content.hasVisibleContent() && !stripped.contentHtml().equals(content.html())) {
        content = sanitizer.sanitize(stripped.contentHtml(), event.link());
      }
    }
    if (fromSummary) {
      repairs.add(new Repair("contentHtml", RepairKinds.CONTENT_FROM_SUMMARY, "content was empty"));
    }
    if (!sanitized.removed().isEmpty()) {
      repairs.add(
          new Repair(
              "contentHtml", RepairKinds.SANITIZED, "removed " + summarize(sanitized.removed())));
    }
    if (sanitized.removedIllegalCharacters()) {
      repairs.add(new Repair("contentHtml", RepairKinds.ILLEGAL_CHARACTERS, "removed from text"));
    }
    if (sanitized.lazyImages() > 0) {
      repairs.add(
          new Repair(
              "contentHtml",
              RepairKinds.LAZY_IMAGES,
              sanitized.lazyImages() == 1
                  ? "1 image given its data-src"
                  : sanitized.lazyImages() + " images given their data-src"));
    }
    if (sanitized.normalizedNfc()) {
      repairs.add(new Repair("contentHtml", RepairKinds.UNICODE_NFC, "normalized to NFC"));
    }

    List<String> authors = cleanLabels("authors", event.authors(), repairs);
    List<String> categories = cleanLabels("categories", event.categories(), repairs);
    repairs.addAll(canonical.repairs());

    String declared = event.feed() == null ? null : event.feed().declaredLanguage();
    String feedKey = event.feed() == null ? null : event.feed().url();
    String sample = join(cleanTitle.text(), summaryText);
    if (summaryText == null || summaryText.isBlank()) {
      // no summary: the content's first words tell the language better than a title alone
      sample = join(sample, content.hasVisibleContent() ? content.plainText() : "");
    }
    LanguageGuess language =
        languageDetector.detect(sample, new LanguageHints(declared, event.language(), feedKey));
    if (!language.declarationValid()) {
      repairs.add(
          new Repair(
              "language",
              RepairKinds.INVALID_LANGUAGE,
              "declared language '" + declared + "' is not a language code"));
    }

    // Zero-width and bidi controls are invisible: they must not make two equal texts differ.
    String text =
        content.hasVisibleContent()
            ? SimpleSteps.invisibleControls().apply(content.plainText(), new RepairLog("dedup"))
            : "";
    List<String> media = media(event.enclosures(), content.images(), text);
    String exact = ContentFingerprint.exact(cleanTitle.text(), text, media);
    NearSignature signature = near == null ? null : near.sign(cleanTitle.text(), text, media);
    String html = content.hasVisibleContent() ? content.html() : "";
    return new Draft(
        event,
        canonical.url(),
        cleanTitle.text(),
        summaryText,
        html,
        language,
        authors,
        categories,
        repairs,
        new Fingerprints(
            exact, signature == null ? null : "minhash-lsh8x2+6x3:" + bandsHex(signature)),
        new StoryMatcher.Candidate(
            event.entryKey(), canonical.url(), exact, text.length(), signature));
  }

  private EntryNormalizedEvent toEvent(Draft d, StoryDecision decision) {
    EntryFetchedEvent e = d.source();
    java.time.Instant now = clock.instant();
    return new EntryNormalizedEvent(
        UUID.randomUUID().toString(),
        now,
        e.entryKey(),
        e.feed(),
        e.guid(),
        e.link(),
        d.canonicalUrl(),
        d.title(),
        d.summary(),
        d.contentHtml(),
        d.language().language(),
        d.language().confidence(),
        d.authors(),
        d.categories(),
        e.enclosures(),
        d.repairs(),
        d.fingerprints(),
        decision.storyId(),
        decision.duplicateOf(),
        decision.matchedBy(),
        decision.similarity(),
        e.publishedAt(),
        e.updatedAt(),
        e.fetchedAt(),
        now);
  }

  private List<String> cleanLabels(String field, List<String> values, List<Repair> repairs) {
    List<String> cleaned = new ArrayList<>(values.size());
    int dropped = 0;
    for (String value : values) {
      TextPipeline.Cleaned c = label.clean(field, value);
      repairs.addAll(c.repairs());
      if (c.text() == null || c.text().isEmpty()) {
        dropped++;
      } else {
        cleaned.add(c.text());
      }
    }
    if (dropped > 0) {
      repairs.add(new Repair(field, RepairKinds.EMPTY_REMOVED, "dropped " + dropped + " blank"));
    }
    return cleaned;
  }

  /** At most ten parts, so that one hostile entry cannot make a huge repair record. */
  /** Longest text (in characters) whose content images tell its item apart from another. */
  public static final int CAPTION_MAX_CHARS = 280;

  /**
   * What tells apart two items whose words are the same: their enclosure URLs, or, when there is no
   * enclosure and the text is a caption ({@value #CAPTION_MAX_CHARS} characters or fewer), the
   * images in the content. Gallery items often share one caption and differ only by picture. A
   * longer text names its story by itself, and its copies on other sites often re-host the
   * pictures, so there the images are left out. Tracking pixels are gone by now (the sanitizer
   * removes them).
   */
  static List<String> media(List<Enclosure> enclosures, List<String> contentImages, String text) {
    List<String> urls = enclosures.stream().map(Enclosure::url).filter(u -> u != null).toList();
    if (!urls.isEmpty() || text.length() > CAPTION_MAX_CHARS) {
      return urls;
    }
    return contentImages;
  }

  private static String summarize(List<String> parts) {
    if (parts.size() <= 10) {
      return String.join(", ", parts);
    }
    return String.join(", ", parts.subList(0, 10)) + " and " + (parts.size() - 10) + " more";
  }

  /**
   * The first four band keys (lead bands): enough to eyeball that two entries collided, short in
   * the event. The label names the layout: 8 lead bands of 2 rows, 6 body bands of 3.
   */
  private static String bandsHex(NearSignature signature) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(4, signature.bands().length); i++) {
      out.append(i == 0 ? "" : ".").append(Long.toHexString(signature.bands()[i]));
    }
    return out.toString();
  }

  private static String join(String a, String b) {
    return ((a == null ? "" : a) + "\n" + (b == null ? "" : b)).strip();
  }

  /** Everything but the story decision. */
  private record Draft(
      EntryFetchedEvent source,
      String canonicalUrl,
      String title,
      String summary,
      String contentHtml,
      LanguageGuess language,
      List<String> authors,
      List<String> categories,
      List<Repair> repairs,
      Fingerprints fingerprints,
      StoryMatcher.Candidate candidate) {}
}

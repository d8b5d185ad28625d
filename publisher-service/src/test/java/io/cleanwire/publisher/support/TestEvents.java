package io.cleanwire.publisher.support;

import io.cleanwire.events.Enclosure;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.events.Fingerprints;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@link EntryNormalizedEvent}s for tests, with plausible defaults for every field. */
public final class TestEvents {

  public String eventId = UUID.randomUUID().toString();
  public String entryKey = UUID.randomUUID().toString().replace("-", "");
  public String feedUrl = "https://feeds.example/" + UUID.randomUUID() + ".xml";
  public String feedTitle = "Example Feed";
  public String guid;
  public String link;
  public String canonicalUrl;
  public String title = "A title";
  public String summary = "A summary.";
  public String contentHtml = "<p>Some content.</p>";
  public String language = "en";
  public double languageConfidence = 0.9;
  public List<String> authors = List.of("Ada Author");
  public List<String> categories = List.of("World");
  public List<Enclosure> enclosures = List.of();
  public List<Repair> repairs = List.of(new Repair("title", "html-entities", "decoded &amp;"));
  public String storyId;
  public String duplicateOf;
  public MatchedBy matchedBy;
  public Double similarity;
  public Instant publishedAt = Instant.parse("2024-01-01T00:00:00Z");
  public Instant updatedAt;
  public Instant fetchedAt = Instant.parse("2024-01-01T00:05:00Z");
  public Instant normalizedAt = Instant.parse("2024-01-01T00:05:01.123456Z");

  public static TestEvents entry() {
    return new TestEvents();
  }

  public TestEvents key(String value) {
    entryKey = value;
    return this;
  }

  public TestEvents feed(String url, String feedTitle) {
    this.feedUrl = url;
    this.feedTitle = feedTitle;
    return this;
  }

  public TestEvents title(String value) {
    title = value;
    return this;
  }

  public TestEvents language(String value) {
    language = value;
    return this;
  }

  public TestEvents published(Instant value) {
    publishedAt = value;
    return this;
  }

  public TestEvents normalized(Instant value) {
    normalizedAt = value;
    return this;
  }

  /** Makes this entry a member of {@code story}, matched to the story's first entry. */
  public TestEvents memberOf(String story, MatchedBy by, double sim) {
    storyId = story;
    duplicateOf = story;
    matchedBy = by;
    similarity = sim;
    return this;
  }

  public EntryNormalizedEvent build() {
    String l = link != null ? link : "https://news.example/" + entryKey;
    return new EntryNormalizedEvent(
        eventId,
        normalizedAt,
        entryKey,
        new FeedInfo(feedUrl, feedTitle, "https://news.example/", "en", "rss_2.0", null, "UTF-8"),
        guid != null ? guid : l,
        l,
        canonicalUrl != null ? canonicalUrl : l,
        title,
        summary,
        contentHtml,
        language,
        languageConfidence,
        authors,
        categories,
        enclosures,
        repairs,
        new Fingerprints("abc", null),
        storyId != null ? storyId : entryKey,
        duplicateOf,
        matchedBy,
        similarity,
        publishedAt,
        updatedAt,
        fetchedAt,
        normalizedAt);
  }
}

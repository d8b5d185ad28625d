package io.cleanwire.normalizer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.dedup.InMemoryDedupStore;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.normalizer.language.DeclaredLanguageDetector;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryNormalizerTest {

  private final EntryNormalizer normalizer =
      new EntryNormalizer(
          new HtmlSanitizer(),
          new UrlCanonicalizer(List.of("utm_*", "fbclid")),
          new DeclaredLanguageDetector(),
          new StoryMatcher(new InMemoryDedupStore(), 200),
          Clock.fixed(Instant.parse("2022-01-06T10:15:31Z"), ZoneOffset.UTC));

  private static EntryFetchedEvent fixture() throws IOException {
    try (InputStream in =
        EntryNormalizerTest.class.getResourceAsStream("/fixtures/entry-fetched.v1.json")) {
      return EventJson.read(in.readAllBytes(), EntryFetchedEvent.class);
    }
  }

  private static EntryFetchedEvent with(
      EntryFetchedEvent e,
      String link,
      String summary,
      String content,
      List<String> authors,
      FeedInfo feed) {
    return new EntryFetchedEvent(
        e.eventId(),
        e.occurredAt(),
        e.entryKey(),
        feed,
        e.guid(),
        link,
        e.title(),
        summary,
        content,
        authors,
        e.categories(),
        e.publishedAt(),
        e.updatedAt(),
        e.enclosures(),
        e.fetchedAt());
  }

  @Test
  void normalizesTheContractFixtureLikeTheContractSays() throws IOException {
    EntryFetchedEvent in = fixture();
    EntryNormalizedEvent out = normalizer.normalize(in);

    assertThat(out.entryKey()).isEqualTo(in.entryKey());
    assertThat(out.canonicalUrl()).isEqualTo("https://nypost.example/2022/01/05/psaki-kazakhstan/");
    assertThat(out.title()).isEqualTo(in.title());
    // The summary was nothing but the aggregator's wrapper.
    assertThat(out.summary()).isNull();
    assertThat(out.contentHtml()).doesNotContain("<script").startsWith("<p>");
    assertThat(out.language()).isEqualTo("en");
    assertThat(out.languageConfidence()).isEqualTo(0.5);
    assertThat(out.enclosures()).isEqualTo(in.enclosures());
    assertThat(out.publishedAt()).isEqualTo(in.publishedAt());
    assertThat(out.normalizedAt()).isEqualTo(Instant.parse("2022-01-06T10:15:31Z"));
    assertThat(out.repairs())
        .contains(
            new Repair("contentHtml", "sanitized", "removed <script>"),
            new Repair("link", "tracking-parameters", "removed utm_source, utm_medium"));
    assertThat(out.storyId()).isEqualTo(in.entryKey());
  }

  @Test
  void aggregatorEntryArrivesRepairedAndWithoutItsWrapper() throws IOException {
    EntryFetchedEvent in = fixture();
    String content =
        "<p>Shared Links - Audio Posts</p><p>shared this story</p>"
            + "<p>from Callie Patteson | New York Post.</p>"
            + "<p>xe2x80x9cWexe2x80x99re monitoring reports,xe2x80x9d Psaki said.xc2xa0</p>"
            + "<p>0 seconds of 0 secondsVolume 90%</p><p>Increase Volumexe2x86x91</p>"
            + "<p>Author: Philipp Bxc3xb6ll</p>"
            + "<p>The post EU Leadership Says first appeared on Russia News Review.</p>";
    EntryNormalizedEvent out =
        normalizer.preview(
            with(in, in.link(), in.summaryHtml(), content, List.of("cafÃ© owner"), in.feed()));
    assertThat(out.contentHtml())
        .isEqualTo(
            "<p>Shared Links - Audio Posts</p>"
                + "<p>“We’re monitoring reports,” Psaki said.&nbsp;</p>"
                + "<p>Author: Philipp Böll</p>");
    assertThat(out.authors()).containsExactly("café owner");
    assertThat(out.repairs())
        .extracting(Repair::field, Repair::kind)
        .contains(
            tuple("contentHtml", "escaped-bytes"),
            tuple("contentHtml", "boilerplate"),
            tuple("summary", "boilerplate"),
            tuple("authors", "mojibake"));
  }

  @Test
  void whatSanitizingRemovedIsRecordedEvenWhenBoilerplateIsStrippedToo() throws IOException {
    EntryFetchedEvent in = fixture();
    String content =
        "<p>Monitoring reports of protests.</p><script>alert(1)</script>"
            + "<img src=\"/p.gif\" data-src=\"/photo.jpg\">"
            + "<img src=\"http://feeds.feedburner.com/~r/Example/~4/x1\" width=\"1\" height=\"1\">"
            + "<p>The post Monitoring first appeared on Russia News Review.</p>";
    EntryNormalizedEvent out =
        normalizer.preview(with(in, in.link(), in.summaryHtml(), content, in.authors(), in.feed()));
    assertThat(out.contentHtml())
        .isEqualTo(
            "<p>Monitoring reports of protests.</p>"
                + "<img src=\"https://nypost.example/photo.jpg\">");
    assertThat(out.repairs())
        .contains(
            new Repair("contentHtml", "sanitized", "removed <script>, 1 tracking pixel"),
            new Repair("contentHtml", "lazy-images", "1 image given its data-src"))
        .extracting(Repair::kind)
        .contains("boilerplate");
  }

  @Test
  void emptyContentFallsBackToTheSummaryHtml() throws IOException {
    EntryFetchedEvent in = fixture();
    EntryNormalizedEvent out =
        normalizer.preview(
            with(in, in.link(), "<p>Only <b>summary</b></p>", " ", in.authors(), in.feed()));
    assertThat(out.contentHtml()).isEqualTo("<p>Only <b>summary</b></p>");
    assertThat(out.repairs()).extracting(Repair::kind).contains("content-from-summary");
  }

  @Test
  void unusableLinkAndLanguageAndBlankAuthorsAreRecorded() throws IOException {
    EntryFetchedEvent in = fixture();
    FeedInfo feed =
        new FeedInfo(in.feed().url(), null, null, "english please", "rss_2.0", null, "UTF-8");
    EntryNormalizedEvent out =
        normalizer.preview(
            with(
                in,
                "javascript:alert(1)",
                in.summaryHtml(),
                in.contentHtml(),
                List.of(" ", "A &amp; B"),
                feed));
    assertThat(out.canonicalUrl()).isNull();
    assertThat(out.language()).isEqualTo("und");
    assertThat(out.languageConfidence()).isEqualTo(0.0);
    assertThat(out.authors()).containsExactly("A & B");
    assertThat(out.repairs())
        .extracting(Repair::field, Repair::kind)
        .contains(
            tuple("link", "invalid-url"),
            tuple("language", "invalid-language"),
            tuple("authors", "html-entities"),
            tuple("authors", "empty-removed"));
  }

  @Test
  void refusesAnEventWithoutEntryKey() {
    EntryFetchedEvent keyless =
        new EntryFetchedEvent(
            "e1", null, " ", null, null, null, null, null, null, null, null, null, null, null,
            null);
    assertThatThrownBy(() -> normalizer.normalize(keyless))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("entryKey")
        .hasMessageContaining("eventId=e1");
  }
}

package io.cleanwire.fetcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.Enclosure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  static Stream<Arguments> feeds() {
    return Stream.of(
        // fixture, content type, format, title, language, declared charset, detected, entries
        Arguments.of(
            "rss20.xml",
            "application/rss+xml",
            "rss_2.0",
            "Shared Links",
            "en-us",
            "UTF-8",
            "UTF-8",
            2),
        Arguments.of(
            "rss10.rdf",
            "application/rdf+xml",
            "rss_1.0",
            "RDF Site",
            "de",
            "ISO-8859-1",
            "ISO-8859-1",
            1),
        Arguments.of(
            "atom.xml",
            "application/atom+xml; charset=utf-8",
            "atom_1.0",
            "Мировые новости",
            "ru",
            "utf-8",
            "UTF-8",
            2),
        Arguments.of("no-guid.xml", null, "rss_2.0", "No guids", null, "UTF-8", "UTF-8", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void readsEveryFormatIntoThePlainModel(
      String fixture,
      String contentType,
      String format,
      String title,
      String language,
      String declaredCharset,
      String detectedCharset,
      int entries)
      throws Exception {
    ParsedFeed feed = parser.parse(fixture(fixture), contentType, "https://feeds.example/f.xml");

    assertThat(feed.format()).isEqualTo(format);
    assertThat(feed.title()).isEqualTo(title);
    assertThat(feed.language()).isEqualTo(language);
    assertThat(feed.declaredCharset()).isEqualTo(declaredCharset);
    assertThat(feed.detectedCharset()).isEqualTo(detectedCharset);
    assertThat(feed.entries()).hasSize(entries);
  }

  @Test
  void keepsRss2FieldsAsGivenAndResolvesRelativeLinks() throws Exception {
    ParsedFeed feed =
        parser.parse(fixture("rss20.xml"), "application/rss+xml", "https://news.example/feed");

    ParsedEntry first = feed.entries().get(0);
    assertThat(first.guid()).isEqualTo("tag:news.example,2022:psaki");
    assertThat(first.link()).isEqualTo("https://news.example/2022/01/05/psaki/?utm_source=rss");
    assertThat(first.title()).isEqualTo("Jen Psaki dismisses Russian claims");
    assertThat(first.summaryHtml()).isEqualTo("<p>shared this story from New York Post.</p>");
    assertThat(first.contentHtml()).isEqualTo("<p>“We’re monitoring reports.”</p>");
    assertThat(first.authors()).containsExactly("Callie Patteson");
    assertThat(first.categories()).containsExactly("World", "Kazakhstan");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-01-05T22:41:00Z"));
    assertThat(first.enclosures())
        .containsExactly(new Enclosure("https://media.example/psaki.mp3", "audio/mpeg", 1048576L));
    assertThat(feed.entries().get(1).link()).isEqualTo("https://news.example/2022/01/06/second");
    assertThat(feed.siteUrl()).isEqualTo("https://aggregator.example/");
  }

  @Test
  void decodesLatin1RdfByItsProlog() throws Exception {
    ParsedEntry entry =
        parser.parse(fixture("rss10.rdf"), null, "https://rdf.example/rss").entries().get(0);

    assertThat(entry.title()).isEqualTo("Grüße aus Köln");
    assertThat(entry.summaryHtml()).isEqualTo("Heinrich Böll");
    assertThat(entry.guid()).isEqualTo("https://rdf.example/a");
    assertThat(entry.authors()).containsExactly("Redaktion");
  }

  @Test
  void readsAtomHtmlAndXhtmlContent() throws Exception {
    List<ParsedEntry> entries =
        parser.parse(fixture("atom.xml"), null, "https://atom.example/atom").entries();

    ParsedEntry html = entries.get(0);
    assertThat(html.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    assertThat(html.link()).isEqualTo("https://atom.example/kz");
    assertThat(html.title()).isEqualTo("Протесты в <b>Казахстане</b>");
    assertThat(html.summaryHtml()).isEqualTo("Кратко");
    assertThat(html.contentHtml()).isEqualTo("<p>Полный текст</p>");
    assertThat(html.authors()).containsExactly("Иван Петров");
    assertThat(html.publishedAt()).isEqualTo(Instant.parse("2022-01-05T09:00:00Z"));
    assertThat(html.updatedAt()).isEqualTo(Instant.parse("2022-01-06T09:30:00Z"));
    assertThat(html.enclosures())
        .containsExactly(new Enclosure("https://atom.example/kz.jpg", "image/jpeg", 2048L));

    ParsedEntry xhtml = entries.get(1);
    assertThat(xhtml.contentHtml()).contains("<p>Some <em>xhtml</em> text</p>");
  }

  @Test
  void skipsEntriesWithoutGuidAndLinkWithAReason() throws Exception {
    ParsedFeed feed = parser.parse(fixture("no-guid.xml"), null, "https://noguid.example/rss");

    assertThat(feed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.guid()).as("an RSS item without <guid> has no guid").isNull();
              assertThat(e.link()).isEqualTo("https://noguid.example/link-only");
            });
    assertThat(feed.skipped())
        .containsExactly(
            new SkippedEntry(1, "Nothing to identify me", "entry has neither guid nor link"));
  }

  static Stream<Arguments> notFeeds() {
    return Stream.of(
        Arguments.of("not-a-feed.xml", "application/xml", "not a feed: "),
        Arguments.of("page.html", "text/html; charset=utf-8", "not a feed: an HTML page"),
        Arguments.of("page.html", null, "not a feed: an HTML page"),
        Arguments.of("entity-bomb.xml", "application/rss+xml", "DTD) are refused"));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("notFeeds")
  void refusesWhatIsNotAFeedWithAClearReason(String fixture, String contentType, String message) {
    assertThatThrownBy(() -> parser.parse(fixture(fixture), contentType, "https://x.example/"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("not a feed: ")
        .hasMessageContaining(message);
  }

  @Test
  void refusesAnEmptyBody() {
    assertThatThrownBy(() -> parser.parse(new byte[0], null, "https://x.example/"))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("not a feed: empty document");
  }

  @Test
  void neverFetchesAnExternalDtdOrEntity() {
    try (FeedServer server = FeedServer.start(0)) {
      server.put("/evil.dtd", "application/xml-dtd", "<!ENTITY x 'y'>".getBytes());
      server.put("/secret.txt", "text/plain", "secret".getBytes());
      String xxe =
          new String(fixture("xxe-template.xml"), StandardCharsets.UTF_8)
              .replace("${DTD_URL}", server.url("/evil.dtd"))
              .replace("${ENTITY_URL}", server.url("/secret.txt"));

      assertThatThrownBy(
              () ->
                  parser.parse(
                      xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml", server.url("/")))
          .isInstanceOf(FeedParseException.class)
          .hasMessageContaining("(DTD) are refused");
      assertThat(server.requests("/evil.dtd")).isEmpty();
      assertThat(server.requests("/secret.txt")).isEmpty();
    }
  }

  static byte[] fixture(String name) {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

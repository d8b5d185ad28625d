package io.cleanwire.publisher.syndication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.WireFeedInput;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code /feeds/atom} and {@code /feeds/json}: valid documents with provenance, the same filters as
 * the API, caching, and validity whatever the items hold.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class FeedFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ItemStore store;

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  private static String window(String format, int year) {
    return "/feeds/"
        + format
        + "?since="
        + year
        + "-01-01T00:00:00Z&until="
        + (year + 1)
        + "-01-01T00:00:00Z";
  }

  private static Feed atom(byte[] body) throws Exception {
    return (Feed)
        new WireFeedInput()
            .build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  /** A story with two sources and one other item, in {@code year}. */
  private List<TestEvents> story(int year) {
    TestEvents first =
        TestEvents.entry().published(year(year)).feed("https://a.example/rss", "Feed A");
    first.authors = List.of("Ada Author");
    first.categories = List.of("World");
    store.upsert(first.build());
    TestEvents copy =
        TestEvents.entry()
            .published(year(year).plusSeconds(60))
            .feed("https://b.example/rss", "Feed B")
            .memberOf(first.entryKey, MatchedBy.URL, 1.0);
    store.upsert(copy.build());
    TestEvents other = TestEvents.entry().published(year(year).plusSeconds(30)).title("Other");
    store.upsert(other.build());
    return List.of(first, copy, other);
  }

  @Test
  void atomFeedHasOneEntryPerStoryWithViaSourceAndRelatedLinks() throws Exception {
    List<TestEvents> items = story(2301);
    TestEvents first = items.get(0);

    Response response = given().get(window("atom", 2301));
    response
        .then()
        .statusCode(200)
        .header("Content-Type", matchesPattern("application/atom\\+xml; ?charset=UTF-8"))
        .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
        .header("Cache-Control", "public, max-age=60");
    byte[] body = response.asByteArray();

    Document dom = RssFeedTest.strictParse(body);
    assertThat(dom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    Feed feed = atom(body);
    assertThat(feed.getOtherLinks())
        .anySatisfy(
            l -> {
              assertThat(l.getRel()).isEqualTo("self");
              assertThat(URLDecoder.decode(l.getHref(), StandardCharsets.UTF_8))
                  .isEqualTo("http://localhost:8080" + window("atom", 2301));
            });
    assertThat(feed.getEntries()).hasSize(2);
    Entry entry = feed.getEntries().get(1);
    assertThat(entry.getId()).isEqualTo("urn:cleanwire:item:" + first.entryKey);
    assertThat(entry.getAlternateLinks())
        .extracting(Link::getHref)
        .containsExactly("https://news.example/" + first.entryKey);
    assertThat(entry.getOtherLinks())
        .anySatisfy(
            l -> {
              assertThat(l.getRel()).isEqualTo("via");
              assertThat(l.getHref()).isEqualTo("https://a.example/rss");
            })
        .anySatisfy(
            l -> {
              assertThat(l.getRel()).isEqualTo("related");
              assertThat(l.getHref()).isEqualTo("https://news.example/" + items.get(1).entryKey);
              assertThat(l.getTitle()).isEqualTo("Feed B");
            });
    assertThat(entry.getSource().getTitleEx().getValue()).isEqualTo("Feed A");
    assertThat(entry.getContents().get(0).getValue()).isEqualTo("<p>Some content.</p>");
    assertThat(entry.getAuthors().get(0).getName()).isEqualTo("Ada Author");
    assertThat(entry.getPublished().toInstant()).isEqualTo(year(2301));
    // Rome reads Atom as a generic feed as well, as readers built on it do.
    SyndFeed synd = RssFeedTest.romeParse(body);
    assertThat(synd.getFeedType()).isEqualTo("atom_1.0");
  }

  @Test
  void jsonFeedHasEveryRequiredFieldAndProvenance() throws Exception {
    List<TestEvents> items = story(2302);
    TestEvents first = items.get(0);

    Response response = given().get(window("json", 2302));
    response
        .then()
        .statusCode(200)
        .header("Content-Type", matchesPattern("application/feed\\+json; ?charset=UTF-8"))
        .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""));
    JsonNode feed = JSON.readTree(response.asByteArray());

    assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.path("title").asText()).isEqualTo("Cleanwire");
    assertThat(URLDecoder.decode(feed.path("feed_url").asText(), StandardCharsets.UTF_8))
        .isEqualTo("http://localhost:8080" + window("json", 2302));
    assertThat(feed.path("items")).hasSize(2);
    for (JsonNode item : feed.path("items")) {
      assertThat(item.path("id").isTextual()).isTrue();
      assertThat(item.has("content_html") || item.has("content_text")).isTrue();
    }
    JsonNode entry = feed.path("items").get(1);
    assertThat(entry.path("id").asText()).isEqualTo(first.entryKey);
    assertThat(entry.path("url").asText()).isEqualTo("https://news.example/" + first.entryKey);
    assertThat(entry.path("date_published").asText()).isEqualTo("2302-01-01T00:00:00Z");
    assertThat(entry.path("authors").get(0).path("name").asText()).isEqualTo("Ada Author");
    assertThat(entry.path("tags").get(0).asText()).isEqualTo("World");
    assertThat(entry.path("language").asText()).isEqualTo("en");
    assertThat(entry.path("_cleanwire").path("source").path("feed_url").asText())
        .isEqualTo("https://a.example/rss");
    assertThat(entry.path("_cleanwire").path("also_in").get(0).path("title").asText())
        .isEqualTo("Feed B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom", "json"})
  void everyFormatAnswersAMatchingEtagWith304(String format) {
    store.upsert(TestEvents.entry().published(year(2303)).build());
    String etag = given().get(window(format, 2303)).then().statusCode(200).extract().header("ETag");

    given()
        .header("If-None-Match", etag)
        .get(window(format, 2303))
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom", "json"})
  void everyFormatFiltersByLanguageFeedAndQuery(String format) throws Exception {
    // A year of its own per format, so that one run's items never show in another's.
    int y =
        switch (format) {
          case "rss" -> 2311;
          case "atom" -> 2312;
          default -> 2313;
        };
    Instant t = year(y);
    TestEvents de = TestEvents.entry().published(t.plusSeconds(1)).language("de").title("Wahl");
    de.feed("https://de.example/" + format, "DE");
    store.upsert(de.build());
    store.upsert(TestEvents.entry().published(t.plusSeconds(2)).title("Election results").build());

    assertThat(ids(format, window(format, y) + "&language=de")).containsExactly(de.entryKey);
    assertThat(ids(format, window(format, y) + "&feed=https://de.example/" + format))
        .containsExactly(de.entryKey);
    assertThat(ids(format, window(format, y) + "&q=wahl")).containsExactly(de.entryKey);
    assertThat(ids(format, window(format, y))).hasSize(2);
  }

  private List<String> ids(String format, String url) throws Exception {
    byte[] body = given().get(url).then().statusCode(200).extract().asByteArray();
    List<String> ids = new ArrayList<>();
    switch (format) {
      case "rss" -> RssFeedTest.romeParse(body).getEntries().forEach(e -> ids.add(e.getUri()));
      case "atom" ->
          atom(body)
              .getEntries()
              .forEach(e -> ids.add(e.getId().replace("urn:cleanwire:item:", "")));
      default -> JSON.readTree(body).path("items").forEach(i -> ids.add(i.path("id").asText()));
    }
    return ids;
  }

  @Test
  void hostileContentStillGivesValidAtomAndJsonFeeds() throws Exception {
    TestEvents hostile =
        TestEvents.entry()
            .published(year(2305))
            .feed("https://evil.example/feed?a=1&b=<2>", "Evil\u0000 Feed ]]>")
            .title("Null\u0000 bell\u0007 \uFFFE lone\uD800 ]]> <b>bold</b> שלום עולם");
    hostile.summary = "plain <script>alert(1)</script> \u001B";
    hostile.contentHtml =
        "<p>CDATA end ]]> here</p><script>alert('x')</script>"
            + "<p onclick=\"evil()\">RTL \u202Eabc\u202C مرحبا</p>\uDC00"
            + "x".repeat(300_000);
    hostile.categories = List.of("ok", "bad\u0001", "]]>");
    hostile.authors = List.of("Eve\u0000 <eve@example.com>");
    store.upsert(hostile.build());

    byte[] atomBody =
        given().get(window("atom", 2305)).then().statusCode(200).extract().asByteArray();
    RssFeedTest.strictParse(atomBody);
    Entry entry = atom(atomBody).getEntries().get(0);
    assertThat(entry.getTitleEx().getValue())
        .isEqualTo("Null bell  lone ]]> <b>bold</b> שלום עולם");
    assertThat(entry.getContents().get(0).getValue())
        .contains("CDATA end ]]&gt; here", "RTL \u202Eabc\u202C مرحبا")
        .doesNotContain("<script", "onclick");

    byte[] jsonBody =
        given().get(window("json", 2305)).then().statusCode(200).extract().asByteArray();
    // Strict UTF-8 decoding fails on any unpaired surrogate that slipped through.
    StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(jsonBody));
    JsonNode item = JSON.readTree(jsonBody).path("items").get(0);
    assertThat(item.path("title").asText()).isEqualTo("Null bell  lone ]]> <b>bold</b> שלום עולם");
    assertThat(item.path("content_html").asText()).doesNotContain("<script", "onclick");
    assertThat(item.path("_cleanwire").path("source").path("title").asText())
        .isEqualTo("Evil Feed ]]>");
  }

  @Test
  void selfLinkOfRssNamesTheAtomNamespaceElement() throws Exception {
    store.upsert(TestEvents.entry().published(year(2306)).build());
    Document dom =
        RssFeedTest.strictParse(given().get(window("rss", 2306)).then().extract().asByteArray());
    Element self =
        (Element) dom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
  }
}

package io.cleanwire.publisher.syndication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
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
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code /feeds/rss}: content, HTTP caching, and well-formed output whatever the items hold. */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class RssFeedTest {

  @Inject ItemStore store;

  private static String window(int year) {
    return "/feeds/rss?since=" + year + "-01-01T00:00:00Z&until=" + (year + 1) + "-01-01T00:00:00Z";
  }

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  /** Parses like a strict reader: namespace aware, DOCTYPE refused, no external entities. */
  static Document strictParse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
  }

  static SyndFeed romeParse(byte[] xml) throws Exception {
    return new SyndFeedInput()
        .build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
  }

  @Test
  void servesOneItemPerStoryWithProvenance() throws Exception {
    TestEvents first =
        TestEvents.entry().published(year(2101)).feed("https://a.example/rss", "Feed A");
    first.categories = List.of("World", "Kazakhstan");
    first.authors = List.of("Callie Patteson");
    store.upsert(first.build());
    store.upsert(
        TestEvents.entry()
            .published(year(2101).plusSeconds(60))
            .memberOf(first.entryKey, MatchedBy.URL, 1.0)
            .build());
    TestEvents other =
        TestEvents.entry().published(year(2101).plusSeconds(30)).title("Other story");
    store.upsert(other.build());

    Response response = given().get(window(2101));
    response
        .then()
        .statusCode(200)
        .header(
            "Content-Type",
            org.hamcrest.Matchers.matchesPattern("application/rss\\+xml; ?charset=UTF-8"))
        .header("Cache-Control", "public, max-age=60")
        .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]+\""))
        .header("Last-Modified", org.hamcrest.Matchers.notNullValue());
    byte[] body = response.asByteArray();

    Document dom = strictParse(body);
    Element self =
        (Element) dom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertThat(self.getAttribute("rel")).isEqualTo("self");
    assertThat(URLDecoder.decode(self.getAttribute("href"), StandardCharsets.UTF_8))
        .isEqualTo("http://localhost:8080" + window(2101));
    NodeList guids = dom.getElementsByTagName("guid");
    assertThat(((Element) guids.item(1)).getAttribute("isPermaLink")).isEqualTo("false");

    SyndFeed feed = romeParse(body);
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getTitle()).isEqualTo("Cleanwire");
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getUri)
        .containsExactly(other.entryKey, first.entryKey);
    SyndEntry entry = feed.getEntries().get(1);
    assertThat(entry.getLink()).isEqualTo("https://news.example/" + first.entryKey);
    assertThat(entry.getTitle()).isEqualTo("A title");
    assertThat(entry.getDescription().getValue()).isEqualTo("<p>Some content.</p>");
    assertThat(entry.getPublishedDate().toInstant()).isEqualTo(year(2101));
    assertThat(entry.getCategories())
        .extracting(c -> c.getName())
        .containsExactly("World", "Kazakhstan");
    assertThat(entry.getAuthor()).isEqualTo("Callie Patteson");
    assertThat(entry.getSource().getLink()).isEqualTo("https://a.example/rss");
    assertThat(entry.getSource().getTitle()).isEqualTo("Feed A");
  }

  @Test
  void everyEnclosureHasTheTypeRssRequires() throws Exception {
    TestEvents item = TestEvents.entry().published(year(2107));
    item.enclosures =
        List.of(
            new io.cleanwire.events.Enclosure("https://m.example/a.mp3", "audio/mpeg", 1234L),
            new io.cleanwire.events.Enclosure("https://m.example/b", null, null));
    store.upsert(item.build());

    NodeList enclosures =
        strictParse(given().get(window(2107)).then().statusCode(200).extract().asByteArray())
            .getElementsByTagName("enclosure");

    assertThat(enclosures.getLength()).isEqualTo(2);
    assertThat(((Element) enclosures.item(0)).getAttribute("type")).isEqualTo("audio/mpeg");
    assertThat(((Element) enclosures.item(1)).getAttribute("type"))
        .isEqualTo("application/octet-stream");
  }

  @Test
  void answersAMatchingEtagWith304AndNoBody() {
    store.upsert(TestEvents.entry().published(year(2102)).build());
    String etag = given().get(window(2102)).then().statusCode(200).extract().header("ETag");

    given()
        .header("If-None-Match", etag)
        .get(window(2102))
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("Cache-Control", "public, max-age=60")
        .body(emptyString());
    given().header("If-None-Match", "\"something-else\"").get(window(2102)).then().statusCode(200);
  }

  @Test
  void answersIfModifiedSinceWith304WhenNothingChanged() {
    store.upsert(TestEvents.entry().published(year(2103)).build());
    String lastModified =
        given().get(window(2103)).then().statusCode(200).extract().header("Last-Modified");

    given().header("If-Modified-Since", lastModified).get(window(2103)).then().statusCode(304);
  }

  @Test
  void changesEtagWhenAnItemIsAddedOrEdited() {
    TestEvents first = TestEvents.entry().published(year(2104));
    store.upsert(first.build());
    String before = given().get(window(2104)).then().extract().header("ETag");

    store.upsert(TestEvents.entry().published(year(2104).plusSeconds(1)).build());
    Response afterAdd = given().header("If-None-Match", before).get(window(2104));
    afterAdd.then().statusCode(200);
    String added = afterAdd.header("ETag");

    store.upsert(
        TestEvents.entry()
            .key(first.entryKey)
            .feed(first.feedUrl, first.feedTitle)
            .published(first.publishedAt)
            .title("Edited")
            .normalized(first.normalizedAt.plusSeconds(1))
            .build());
    Response afterEdit = given().header("If-None-Match", added).get(window(2104));
    afterEdit.then().statusCode(200);

    assertThat(added).isNotEqualTo(before);
    assertThat(afterEdit.header("ETag")).isNotEqualTo(added).isNotEqualTo(before);
  }

  @Test
  void hostileContentStillGivesAWellFormedFeed() throws Exception {
    TestEvents hostile =
        TestEvents.entry()
            .published(year(2105))
            .feed("https://evil.example/feed?a=1&b=<2>", "Evil\u0000 \uFFFF Feed ]]>")
            .title("Null\u0000 bell\u0007 \uFFFE lone\uD800 surrogate ]]> <b>bold</b> שלום עולם");
    hostile.summary = "plain <script>alert(1)</script> \u001B";
    hostile.contentHtml =
        "<p>CDATA end ]]> here</p><script>alert('x')</script>"
            + "<p onclick=\"evil()\">RTL \u202Eabc\u202C مرحبا</p><![CDATA[ x ]]>\uDC00";
    hostile.categories = List.of("ok", "bad\u0001", "]]>");
    hostile.authors = List.of("Eve\u0000 <eve@example.com>");
    store.upsert(hostile.build());
    TestEvents plain = TestEvents.entry().published(year(2105).plusSeconds(1));
    plain.contentHtml = null;
    plain.summary = "Text with <script>alert(2)</script> & ampersand";
    store.upsert(plain.build());

    byte[] body = given().get(window(2105)).then().statusCode(200).extract().asByteArray();

    strictParse(body);
    SyndFeed feed = romeParse(body);
    assertThat(feed.getEntries()).hasSize(2);
    SyndEntry evil = feed.getEntries().get(1);
    assertThat(evil.getTitle()).isEqualTo("Null bell  lone surrogate ]]> <b>bold</b> שלום עולם");
    assertThat(evil.getDescription().getValue())
        .contains("CDATA end ]]&gt; here", "RTL \u202Eabc\u202C مرحبا")
        .doesNotContain("<script", "onclick");
    assertThat(evil.getSource().getTitle()).isEqualTo("Evil  Feed ]]>");
    assertThat(evil.getCategories())
        .extracting(c -> c.getName())
        .containsExactly("ok", "bad", "]]>");
    // Plain text is escaped, so readers show the tags instead of running them.
    assertThat(feed.getEntries().get(0).getDescription().getValue())
        .isEqualTo("Text with &lt;script&gt;alert(2)&lt;/script&gt; &amp; ampersand");
  }

  @Test
  void holdsTheNewestFiftyStories() throws Exception {
    for (int i = 0; i < 51; i++) {
      store.upsert(
          TestEvents.entry().published(year(2106).plusSeconds(i)).key("rss50-" + i).build());
    }

    SyndFeed feed = romeParse(given().get(window(2106)).asByteArray());

    assertThat(feed.getEntries()).hasSize(50);
    assertThat(feed.getEntries().get(0).getUri()).isEqualTo("rss50-50");
    assertThat(feed.getEntries().get(49).getUri()).isEqualTo("rss50-1");
  }
}

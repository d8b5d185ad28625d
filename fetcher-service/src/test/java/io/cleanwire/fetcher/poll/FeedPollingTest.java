package io.cleanwire.fetcher.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.fetcher.schedule.PollScheduler;
import io.cleanwire.fetcher.subscription.Subscriptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedPollingTest {

  static final String TOKEN = "test-admin-token";
  static FeedServer server;

  @Inject @Any InMemoryConnector connector;
  @Inject Subscriptions subscriptions;
  @Inject PollScheduler scheduler;

  InMemorySink<EntryFetchedEvent> sink;

  @BeforeAll
  static void startServer() {
    server = FeedServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void clean() {
    subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
    sink = connector.sink("fetched-entries");
    sink.clear();
  }

  @Test
  void publishesEveryEntryKeyedByEntryKey() {
    server.put("/one.xml", "application/rss+xml; charset=utf-8", rss("one", item("a"), item("b")));
    long id = subscribe(server.url("/one.xml"));

    JsonPath outcome = poll(id);

    assertThat(outcome.getString("status")).isEqualTo("OK");
    assertThat(outcome.getInt("httpStatus")).isEqualTo(200);
    assertThat(outcome.getInt("entriesFound")).isEqualTo(2);
    assertThat(outcome.getInt("entriesPublished")).isEqualTo(2);
    List<? extends Message<EntryFetchedEvent>> messages = sink.received();
    assertThat(messages).hasSize(2);
    String feedUrl = server.url("/one.xml");
    for (Message<EntryFetchedEvent> message : messages) {
      EntryFetchedEvent event = message.getPayload();
      assertThat(key(message)).isEqualTo(event.entryKey());
      assertThat(event.entryKey()).isEqualTo(EntryKeys.of(feedUrl, event.guid(), event.link()));
      assertThat(event.feed().url()).isEqualTo(feedUrl);
      assertThat(event.feed().title()).isEqualTo("one");
      assertThat(event.feed().format()).isEqualTo("rss_2.0");
      assertThat(event.feed().declaredCharset()).isEqualTo("utf-8");
      assertThat(event.feed().detectedCharset()).isEqualTo("UTF-8");
      assertThat(event.eventId()).isNotBlank();
      assertThat(event.fetchedAt()).isBeforeOrEqualTo(Instant.now());
    }
    EntryFetchedEvent a = messages.get(0).getPayload();
    assertThat(a.guid()).isEqualTo("guid-a");
    assertThat(a.link()).isEqualTo("https://site.example/a");
    assertThat(a.title()).isEqualTo("Title a");
    assertThat(a.summaryHtml()).isEqualTo("<p>Summary a</p>");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-01-05T22:41:00Z"));

    given()
        .get("/api/v1/feeds/" + id)
        .then()
        .body("title", equalTo("one"))
        .body("health.lastStatus", equalTo("OK"))
        .body("health.entriesSeen", equalTo(2))
        .body("health.consecutiveFailures", equalTo(0));
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("cleanwire_fetcher_polls_total{status=\"OK\"}"))
        .body(containsString("cleanwire_fetcher_entries_published_total"));
  }

  @Test
  void publishesAnEntrysOwnLanguageBesideTheFeeds() {
    String atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>mixed</title>"
            + "<id>urn:mixed</id><updated>2022-01-07T00:00:00Z</updated>"
            + "<entry xml:lang=\"ru\"><title>Новости</title><id>urn:ru</id>"
            + "<link href=\"https://site.example/ru\"/><updated>2022-01-07T00:00:00Z</updated></entry>"
            + "<entry><title>News</title><id>urn:en</id>"
            + "<link href=\"https://site.example/en\"/><updated>2022-01-07T00:00:00Z</updated></entry>"
            + "</feed>";
    server.put("/mixed.atom", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    poll(subscribe(server.url("/mixed.atom")));
    // the English entry only inherits the feed's xml:lang, which travels on FeedInfo

    assertThat(sink.received())
        .extracting(Message::getPayload)
        .extracting(EntryFetchedEvent::guid, EntryFetchedEvent::language)
        .containsExactlyInAnyOrder(tuple("urn:ru", "ru"), tuple("urn:en", null));
  }

  @Test
  void sendsValidatorsBackVerbatimAndPublishesNothingOn304() {
    server.put("/cond.xml", "application/rss+xml", rss("cond", item("a")));
    long id = subscribe(server.url("/cond.xml"));
    poll(id);
    sink.clear();

    JsonPath second = poll(id);

    List<Map<String, String>> requests = server.requests("/cond.xml");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0)).doesNotContainKeys("if-none-match", "if-modified-since");
    Map<String, String> conditional = requests.get(1);
    assertThat(conditional.get("if-none-match")).startsWith("\"").endsWith("\"");
    assertThat(conditional.get("if-modified-since")).endsWith(" GMT");
    assertThat(conditional.get("user-agent"))
        .matches("Cleanwire/[0-9][^ $]* \\(\\+https://github\\.com/cleanwire/cleanwire\\)");
    assertThat(second.getString("status")).isEqualTo("NOT_MODIFIED");
    assertThat(second.getInt("httpStatus")).isEqualTo(304);
    assertThat(second.getInt("entriesPublished")).isZero();
    assertThat(sink.received()).isEmpty();
    given().get("/api/v1/feeds/" + id).then().body("health.lastStatus", equalTo("NOT_MODIFIED"));
  }

  @Test
  void publishesOnlyNewOrChangedEntriesOfAChangedFeed() {
    server.put("/changing.xml", "application/rss+xml", rss("changing", item("a"), item("b")));
    long id = subscribe(server.url("/changing.xml"));
    poll(id);
    sink.clear();

    server.put(
        "/changing.xml",
        "application/rss+xml",
        rss("changing", item("c"), item("a"), item("b", "Title b, corrected")));
    JsonPath outcome = poll(id);

    assertThat(outcome.getInt("entriesFound")).isEqualTo(3);
    assertThat(outcome.getInt("entriesPublished")).isEqualTo(2);
    assertThat(sink.received())
        .extracting(m -> m.getPayload().guid() + "|" + m.getPayload().title())
        .containsExactly("guid-c|Title c", "guid-b|Title b, corrected");
    given().get("/api/v1/feeds/" + id).then().body("health.entriesSeen", equalTo(3));
  }

  @Test
  void showsAFailedFeedWithBackoffWhileTheOthersStillPoll() {
    server.putStatus("/broken.xml", 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8));
    server.put("/html.xml", "text/html", "<!DOCTYPE html><html><body>hi</body></html>".getBytes());
    server.put("/healthy.xml", "application/rss+xml", rss("healthy", item("h")));
    long broken = subscribe(server.url("/broken.xml"));
    long html = subscribe(server.url("/html.xml"));
    long healthy = subscribe(server.url("/healthy.xml"));
    Instant before = Instant.now();

    assertThat(scheduler.pollDueFeeds()).isEqualTo(3);

    JsonPath failed = feed(broken);
    assertThat(failed.getString("health.lastStatus")).isEqualTo("FAILED");
    assertThat(failed.getInt("health.lastHttpStatus")).isEqualTo(500);
    assertThat(failed.getString("health.lastError")).contains("HTTP 500");
    assertThat(failed.getInt("health.consecutiveFailures")).isEqualTo(1);
    Instant firstRetry = Instant.parse(failed.getString("health.nextPollAt"));
    assertThat(firstRetry).isAfter(before);
    assertThat(feed(html).getString("health.lastError")).startsWith("not a feed: an HTML page");
    assertThat(feed(healthy).getString("health.lastStatus")).isEqualTo("OK");
    assertThat(sink.received()).extracting(m -> m.getPayload().guid()).containsExactly("guid-h");

    poll(broken);
    JsonPath again = feed(broken);
    assertThat(again.getInt("health.consecutiveFailures")).isEqualTo(2);
    assertThat(Instant.parse(again.getString("health.nextPollAt")))
        .as("the second retry waits longer than the first")
        .isAfter(firstRetry);
    assertThat(scheduler.pollDueFeeds()).as("nothing is due before its backoff").isZero();

    server.put("/broken.xml", "application/rss+xml", rss("fixed", item("x")));
    JsonPath recovered = poll(broken);
    assertThat(recovered.getString("status")).isEqualTo("OK");
    JsonPath health = feed(broken);
    assertThat(health.getInt("health.consecutiveFailures")).isZero();
    assertThat(health.getString("health.lastError")).isNull();
  }

  @Test
  void countsEntriesWithoutGuidAndLinkAsSkipped() {
    String doc =
        "<rss version=\"2.0\"><channel><title>t</title><link>https://s.example/</link>"
            + "<description>d</description>"
            + "<item><title>kept</title><link>https://s.example/kept</link></item>"
            + "<item><title>anonymous</title><description>no id</description></item>"
            + "</channel></rss>";
    server.put("/skips.xml", "application/rss+xml", doc.getBytes(StandardCharsets.UTF_8));
    long id = subscribe(server.url("/skips.xml"));

    JsonPath outcome = poll(id);

    assertThat(outcome.getInt("entriesPublished")).isEqualTo(1);
    assertThat(outcome.getInt("entriesSkipped")).isEqualTo(1);
    assertThat(outcome.getList("skippedReasons", String.class))
        .containsExactly("entry 1 'anonymous': entry has neither guid nor link");
    assertThat(feed(id).getInt("health.lastEntriesSkipped")).isEqualTo(1);
    assertThat(sink.received().get(0).getPayload().guid()).isNull();
  }

  @Test
  void refusesXxeWithoutEverRequestingTheEntity() {
    server.put("/evil.dtd", "application/xml-dtd", "<!ENTITY x 'y'>".getBytes());
    server.put("/secret", "text/plain", "secret".getBytes());
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \""
            + server.url("/evil.dtd")
            + "\" [<!ENTITY xxe SYSTEM \""
            + server.url("/secret")
            + "\">]>\n<rss version=\"2.0\"><channel><title>&xxe;</title>"
            + "<item><guid>g</guid><title>&xxe;</title></item></channel></rss>";
    server.put("/xxe.xml", "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
    long id = subscribe(server.url("/xxe.xml"));

    JsonPath outcome = poll(id);

    assertThat(outcome.getString("status")).isEqualTo("FAILED");
    assertThat(outcome.getString("error")).startsWith("not a feed: ").contains("DTD");
    assertThat(server.requests("/evil.dtd")).isEmpty();
    assertThat(server.requests("/secret")).isEmpty();
    assertThat(sink.received()).isEmpty();
  }

  static String key(Message<?> message) {
    return message
        .getMetadata(OutgoingKafkaRecordMetadata.class)
        .map(m -> (String) m.getKey())
        .orElseThrow();
  }

  static long subscribe(String url) {
    return given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("url", url))
        .post("/api/v1/feeds")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static JsonPath poll(long id) {
    return given()
        .auth()
        .oauth2(TOKEN)
        .post("/api/v1/feeds/" + id + "/poll")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath feed(long id) {
    return given().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
  }

  static String item(String id) {
    return item(id, "Title " + id);
  }

  static String item(String id, String title) {
    return "<item><guid isPermaLink=\"false\">guid-"
        + id
        + "</guid><link>https://site.example/"
        + id
        + "</link><title>"
        + title
        + "</title><description>&lt;p&gt;Summary "
        + id
        + "&lt;/p&gt;</description><pubDate>Wed, 05 Jan 2022 22:41:00 GMT</pubDate></item>";
  }

  static byte[] rss(String title, String... items) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>"
            + title
            + "</title><link>https://site.example/</link><description>d</description>"
            + String.join("", items)
            + "</channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }
}

package io.cleanwire.fetcher.poll;

import static io.cleanwire.fetcher.poll.FeedPollingTest.TOKEN;
import static io.cleanwire.fetcher.poll.FeedPollingTest.feed;
import static io.cleanwire.fetcher.poll.FeedPollingTest.item;
import static io.cleanwire.fetcher.poll.FeedPollingTest.poll;
import static io.cleanwire.fetcher.poll.FeedPollingTest.rss;
import static io.cleanwire.fetcher.poll.FeedPollingTest.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.fetcher.persistence.HostLimitRepository;
import io.cleanwire.fetcher.schedule.PollScheduler;
import io.cleanwire.fetcher.subscription.Subscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a server that misbehaves in every way the issue names: each hostile feed ends
 * in a recorded reason, and the good feeds keep being polled.
 */
@QuarkusTest
class HostileEndpointsTest {

  static HttpServer server;
  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  static final AtomicInteger etagCounter = new AtomicInteger();
  static volatile boolean goneIsBack;
  static byte[] gzipBomb;

  @Inject @Any InMemoryConnector connector;
  @Inject Subscriptions subscriptions;
  @Inject PollScheduler scheduler;
  @Inject HostLimitRepository hostLimits;

  InMemorySink<EntryFetchedEvent> sink;

  @BeforeAll
  static void start() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 60; i++) {
        gz.write(zeros); // 60 MB of zeros, about 60 KB on the wire
      }
    }
    gzipBomb = bytes.toByteArray();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", HostileEndpointsTest::handle);
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void clean() {
    subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
    QuarkusTransaction.requiringNew().run(() -> hostLimits.deleteAll());
    sink = connector.sink("fetched-entries");
    sink.clear();
    hits.clear();
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  static String localhostUrl(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      switch (path) {
        case "/good.xml", "/good2.xml" -> send(exchange, 200, rss("good", item("g1"), item("g2")));
        case "/loop" -> redirect(exchange, 302, "/loop");
        case "/to-private" -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
        case "/drip" -> drip(exchange);
        case "/huge" -> huge(exchange, true);
        case "/huge-chunked" -> huge(exchange, false);
        case "/bomb" -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          send(exchange, 200, gzipBomb);
        }
        case "/xxe-file" ->
            send(
                exchange,
                200,
                ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8));
        case "/xxe-oob" ->
            send(
                exchange,
                200,
                ("<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \""
                        + url("/evil.dtd")
                        + "\"><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8));
        case "/laughs" ->
            send(
                exchange,
                200,
                ("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + "<rss version=\"2.0\"><channel><title>&c;</title></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8));
        case "/quadratic" ->
            send(
                exchange,
                200,
                ("<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY a \""
                        + "a".repeat(20_000)
                        + "\">]><rss version=\"2.0\"><channel><title>"
                        + "&a;".repeat(20_000)
                        + "</title></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8));
        case "/500" -> send(exchange, 500, "boom".getBytes(StandardCharsets.UTF_8));
        case "/410" -> {
          if (goneIsBack) {
            send(exchange, 200, rss("back", item("b1")));
          } else {
            send(exchange, 410, new byte[0]);
          }
        }
        case "/429" -> {
          exchange.getResponseHeaders().set("Retry-After", "3600");
          send(exchange, 429, new byte[0]);
        }
        case "/html" -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          send(exchange, 200, "<!DOCTYPE html><html><body>Hi</body></html>".getBytes());
        }
        case "/old.xml" -> redirect(exchange, 301, "/new.xml");
        case "/new.xml" -> send(exchange, 200, rss("moved", item("m1"), item("m2")));
        case "/etag.xml" -> {
          exchange.getResponseHeaders().set("ETag", "\"v" + etagCounter.incrementAndGet() + "\"");
          send(exchange, 200, rss("etag", item("e1")));
        }
        case "/recover.xml" ->
            send(
                exchange,
                200,
                ("junk<rss version=\"2.0\"><channel><title>R & D</title>"
                        + "<item><guid>r1</guid><title>caf&eacute;</title></item>"
                        + "<item><guid>r2</guid><title>cut")
                    .getBytes(StandardCharsets.UTF_8));
        case "/cp1251.xml" -> {
          exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
          send(
              exchange,
              200,
              ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
                      + "<title>Новости</title><item><guid>c1</guid><title>Привет, мир</title>"
                      + "</item></channel></rss>")
                  .getBytes(Charset.forName("windows-1251")));
        }
        default -> send(exchange, 404, new byte[0]);
      }
    }
  }

  @Test
  void everyHostileFeedEndsInARecordedReasonAndTheGoodFeedsKeepPolling() {
    Map<String, String> expectedKind = new LinkedHashMap<>();
    expectedKind.put("/loop", "REDIRECTS");
    expectedKind.put("/to-private", "REFUSED");
    expectedKind.put("/drip", "DEADLINE");
    expectedKind.put("/huge", "TOO_LARGE");
    expectedKind.put("/huge-chunked", "TOO_LARGE");
    expectedKind.put("/bomb", "TOO_LARGE");
    expectedKind.put("/xxe-file", "PARSE");
    expectedKind.put("/xxe-oob", "PARSE");
    expectedKind.put("/laughs", "PARSE");
    expectedKind.put("/quadratic", "PARSE");
    expectedKind.put("/500", "HTTP_5XX");
    expectedKind.put("/html", "PARSE");
    Map<String, Long> ids = new LinkedHashMap<>();
    expectedKind.keySet().forEach(path -> ids.put(path, subscribe(url(path))));
    long good = subscribe(url("/good.xml"));

    assertThat(scheduler.pollDueFeeds()).isEqualTo(expectedKind.size() + 1);

    expectedKind.forEach(
        (path, kind) -> {
          JsonPath health = feed(ids.get(path));
          assertThat(health.getString("health.lastStatus")).as(path).isEqualTo("FAILED");
          assertThat(health.getString("health.lastFailureKind")).as(path).isEqualTo(kind);
          assertThat(health.getString("health.lastError")).as(path).isNotBlank();
          assertThat(health.getBoolean("health.failing")).as(path).isTrue();
          assertThat(Instant.parse(health.getString("health.nextPollAt")))
              .as(path + " backs off")
              .isAfter(Instant.now());
        });
    assertThat(feed(ids.get("/xxe-oob")).getString("health.lastError")).contains("DTD");
    assertThat(feed(ids.get("/html")).getString("health.lastError")).contains("HTML page");
    assertThat(hits).as("the DTD was never requested").doesNotContainKey("/evil.dtd");
    assertThat(hits.get("/loop").get()).isEqualTo(6);
    assertThat(feed(good).getString("health.lastStatus")).isEqualTo("OK");
    assertThat(sink.received())
        .extracting(m -> m.getPayload().guid())
        .containsExactly("guid-g1", "guid-g2");
    given().get("/q/health/live").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("cleanwire_fetcher_errors_total{reason=\"TOO_LARGE\"}"))
        .body(containsString("cleanwire_fetcher_errors_total{reason=\"DEADLINE\"}"))
        .body(containsString("cleanwire_fetcher_fetch_duration_seconds_bucket"))
        .body(containsString("cleanwire_fetcher_bytes_total"))
        .body(containsString("cleanwire_fetcher_host_limit_waits_total"));
  }

  @Test
  void retryAfterBlocksTheWholeHostForEveryReplica() {
    long limited = subscribe(localhostUrl("/429"));
    long sameHost = subscribe(localhostUrl("/good2.xml"));
    long otherHost = subscribe(url("/good.xml"));

    JsonPath first = poll(limited);
    JsonPath deferred = poll(sameHost);
    JsonPath other = poll(otherHost);

    assertThat(first.getString("status")).isEqualTo("FAILED");
    assertThat(first.getString("failureKind")).isEqualTo("RATE_LIMITED");
    assertThat(first.getInt("httpStatus")).isEqualTo(429);
    assertThat(Instant.parse(first.getString("nextPollAt")))
        .isAfter(Instant.now().plusSeconds(3500));
    assertThat(deferred.getString("status")).isEqualTo("DEFERRED");
    assertThat(deferred.getString("error")).contains("localhost");
    assertThat(hits).as("the blocked host saw no request").doesNotContainKey("/good2.xml");
    assertThat(other.getString("status")).isEqualTo("OK");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> hostLimits.blockedUntil("localhost", Instant.now())))
        .hasValueSatisfying(until -> assertThat(until).isAfter(Instant.now().plusSeconds(3500)));
    given().get("/q/metrics").then().body(containsString("cleanwire_fetcher_host_deferred_total"));
  }

  @Test
  void goneStopsPollingUntilAnAdminResumesIt() {
    goneIsBack = false;
    long id = subscribe(url("/410"));

    JsonPath gone = poll(id);
    assertThat(gone.getString("status")).isEqualTo("GONE");
    assertThat(feed(id).getBoolean("health.active")).isFalse();
    assertThat(feed(id).getString("health.lastError")).contains("polling stopped");
    scheduler.pollDueFeeds();
    assertThat(hits.get("/410").get()).as("not polled again").isEqualTo(1);

    goneIsBack = true;
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("active", true))
        .patch("/api/v1/feeds/" + id)
        .then()
        .statusCode(200)
        .body("health.active", equalTo(true));
    assertThat(scheduler.pollDueFeeds()).isEqualTo(1);
    assertThat(feed(id).getString("health.lastStatus")).isEqualTo("OK");
  }

  @Test
  void aPermanentRedirectMovesTheFeedWithoutPublishingItsEntriesAgain() {
    String oldUrl = url("/old.xml");
    long id = subscribe(oldUrl);

    JsonPath first = poll(id);
    assertThat(first.getInt("entriesPublished")).isEqualTo(2);
    assertThat(feed(id).getString("url")).isEqualTo(url("/new.xml"));
    EntryFetchedEvent event = sink.received().get(0).getPayload();
    assertThat(event.entryKey()).isEqualTo(EntryKeys.of(oldUrl, event.guid(), event.link()));

    JsonPath second = poll(id);
    assertThat(second.getInt("entriesPublished")).isZero();
    assertThat(hits.get("/old.xml").get()).as("the old URL is not asked again").isEqualTo(1);
    assertThat(hits.get("/new.xml").get()).isEqualTo(2);
  }

  @Test
  void anEtagThatChangesOnEveryResponsePublishesNothingNew() {
    long id = subscribe(url("/etag.xml"));

    assertThat(poll(id).getInt("entriesPublished")).isEqualTo(1);
    JsonPath second = poll(id);

    assertThat(second.getString("status")).isEqualTo("OK");
    assertThat(second.getInt("entriesPublished")).isZero();
    assertThat(sink.received()).hasSize(1);
  }

  @Test
  void aBrokenDocumentIsReadAndTheFeedShowsItWasRecovered() {
    long id = subscribe(url("/recover.xml"));

    JsonPath outcome = poll(id);

    assertThat(outcome.getString("status")).isEqualTo("OK");
    assertThat(outcome.getBoolean("recovered")).isTrue();
    assertThat(sink.received()).extracting(m -> m.getPayload().title()).contains("café");
    JsonPath health = feed(id);
    assertThat(health.getBoolean("health.recovered")).isTrue();
    assertThat(health.getString("health.lastRepairs"))
        .contains("before the first tag")
        .contains("bare '&'")
        .contains("repaired malformed XML");
  }

  @Test
  void recordsTheDeclaredAndTheUsedCharsetOnTheEvent() {
    long id = subscribe(url("/cp1251.xml"));

    poll(id);

    EntryFetchedEvent event = sink.received().get(0).getPayload();
    assertThat(event.title()).isEqualTo("Привет, мир");
    assertThat(event.feed().declaredCharset()).isEqualTo("windows-1251");
    assertThat(event.feed().detectedCharset()).isEqualTo("windows-1251");
  }

  @Test
  void patchChangesTitleIntervalAndUrlWithTheSameChecksAsSubscribing() {
    long id = subscribe(url("/good.xml"));

    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Renamed", "pollInterval", "PT30M"))
        .patch("/api/v1/feeds/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Renamed"))
        .body("pollInterval", equalTo("PT30M"));
    assertThat(Instant.parse(poll(id).getString("nextPollAt")))
        .as("the fixed interval wins over the adaptive one")
        .isAfter(Instant.now().plusSeconds(29 * 60));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("pollInterval", "soon"))
        .patch("/api/v1/feeds/" + id)
        .then()
        .statusCode(400)
        .body(containsString("ISO-8601"));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("url", "http://10.1.2.3/feed.xml"))
        .patch("/api/v1/feeds/" + id)
        .then()
        .statusCode(400)
        .body(containsString("private"));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "x"))
        .patch("/api/v1/feeds/987654321")
        .then()
        .statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "x"))
        .patch("/api/v1/feeds/" + id)
        .then()
        .statusCode(401);
  }

  @Test
  void refusesToSubscribeAPrivateAddress() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
        .post("/api/v1/feeds")
        .then()
        .statusCode(400)
        .body(containsString("link-local"));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void redirect(HttpExchange exchange, int status, String location)
      throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(status, -1);
  }

  private static void drip(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (int i = 0; i < 200; i++) {
        out.write('<');
        out.flush();
        Thread.sleep(100);
      }
    } catch (InterruptedException | IOException e) {
      // the client hung up: what the test expects
    }
  }

  private static void huge(HttpExchange exchange, boolean withLength) throws IOException {
    long size = 50L * 1024 * 1024;
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
    exchange.sendResponseHeaders(200, withLength ? size : 0);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < size; sent += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      // the client hung up once it had enough
    }
  }
}

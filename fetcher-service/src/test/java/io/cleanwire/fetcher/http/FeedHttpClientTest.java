package io.cleanwire.fetcher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedHttpClientTest {

  private static final byte[] FEED =
      "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>"
          .getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private final Map<String, List<Map<String, List<String>>>> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
        .add(Map.copyOf(exchange.getRequestHeaders()));
    try (exchange) {
      switch (path) {
        case "/plain" -> send(exchange, 200, null, FEED);
        case "/gzip" -> send(exchange, 200, "gzip", gzip(FEED));
        case "/deflate" -> send(exchange, 200, "deflate", deflate(FEED));
        case "/br" ->
            send(exchange, 200, "br", com.aayushatharva.brotli4j.encoder.Encoder.compress(FEED));
        case "/br-bomb" ->
            send(
                exchange,
                200,
                "br",
                com.aayushatharva.brotli4j.encoder.Encoder.compress(new byte[5_000_000]));
        case "/gzip-bomb" -> send(exchange, 200, "gzip", gzip(new byte[5_000_000]));
        case "/big" -> send(exchange, 200, null, new byte[200_000]);
        case "/hop1" -> redirect(exchange, "/hop2");
        case "/chain0", "/chain1", "/chain2", "/chain3", "/chain4", "/chain5", "/chain6" ->
            redirect(exchange, "/chain" + (Integer.parseInt(path.substring(6)) + 1));
        case "/hop2" -> redirect(exchange, url("/plain"));
        case "/loop" -> redirect(exchange, "/loop");
        case "/to-file" -> redirect(exchange, "file:///etc/passwd");
        case "/gone" -> send(exchange, 410, null, "gone".getBytes());
        case "/drip" -> drip(exchange);
        case "/huge-with-length" -> huge(exchange, true);
        case "/huge-chunked" -> huge(exchange, false);
        case "/error" -> send(exchange, 500, null, "boom".getBytes());
        case "/busy" -> {
          exchange.getResponseHeaders().set("Retry-After", "120");
          send(exchange, 429, null, new byte[0]);
        }
        case "/maintenance" -> {
          exchange.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2037 07:28:00 GMT");
          send(exchange, 503, null, new byte[0]);
        }
        case "/moved" -> redirect(exchange, 301, "/moved-again");
        case "/moved-again" -> redirect(exchange, 308, "/temporary");
        case "/temporary" -> redirect(exchange, 302, "/plain");
        case "/to-metadata" -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
        case "/to-mapped" -> redirect(exchange, 302, "http://[::ffff:10.0.0.1]/feed");
        case "/cached" -> {
          exchange.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
          send(exchange, 200, null, FEED);
        }
        default -> send(exchange, 404, null, new byte[0]);
      }
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private FeedHttpClient client(TestFetcherConfig config) {
    return new FeedHttpClient(config);
  }

  @Test
  void sendsValidatorsBackVerbatimWithUserAgent() throws Exception {
    client(TestFetcherConfig.defaults())
        .fetch(url("/plain"), "W/\"abc-123\"", "Wed, 05 Jan 2022 22:41:00 GMT");

    Map<String, List<String>> headers = seen.get("/plain").get(0);
    assertThat(headers.get("If-none-match")).containsExactly("W/\"abc-123\"");
    assertThat(headers.get("If-modified-since")).containsExactly("Wed, 05 Jan 2022 22:41:00 GMT");
    assertThat(headers.get("User-agent"))
        .containsExactly("Cleanwire/test (+https://github.com/cleanwire/cleanwire)");
  }

  @Test
  void decodesGzipAndDeflate() throws Exception {
    FeedHttpClient client = client(TestFetcherConfig.defaults());

    assertThat(client.fetch(url("/gzip"), null, null).body()).isEqualTo(FEED);
    assertThat(client.fetch(url("/deflate"), null, null).body()).isEqualTo(FEED);
  }

  @Test
  void decodesBrotliAndCapsItAfterDecompression() throws Exception {
    FeedHttpClient client = client(TestFetcherConfig.defaults().withMaxBodyBytes(100_000));

    assertThat(client.fetch(url("/br"), null, null).body()).isEqualTo(FEED);
    assertThat(seen.get("/br").get(0).get("Accept-encoding")).containsExactly("gzip, deflate, br");
    assertThatThrownBy(() -> client.fetch(url("/br-bomb"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("larger than 100000 bytes");
  }

  @Test
  void capsTheBodyAfterDecompression() {
    FeedHttpClient client = client(TestFetcherConfig.defaults().withMaxBodyBytes(100_000));

    assertThatThrownBy(() -> client.fetch(url("/gzip-bomb"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("larger than 100000 bytes");
    assertThatThrownBy(() -> client.fetch(url("/big"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("larger than 100000 bytes");
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws Exception {
    FetchResult result = client(TestFetcherConfig.defaults()).fetch(url("/hop1"), null, null);

    assertThat(result.finalUrl()).isEqualTo(url("/plain"));
    assertThat(result.body()).isEqualTo(FEED);
  }

  @Test
  void stopsAfterFiveRedirects() {
    assertThatThrownBy(() -> client(TestFetcherConfig.defaults()).fetch(url("/loop"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("too many redirects");
    assertThat(seen.get("/loop")).hasSize(6);
  }

  @Test
  void refusesRedirectsToOtherSchemes() {
    assertThatThrownBy(
            () -> client(TestFetcherConfig.defaults()).fetch(url("/to-file"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("only http and https");
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "https://a.example/feed, http://a.example/feed, refused redirect from https to http",
    "https://a.example/feed, HTTP://b.example/feed, refused redirect from https to http",
    "https://a.example/feed, https://b.example/feed, ''",
    "http://a.example/feed, https://a.example/feed, ''",
    "http://a.example/feed, http://b.example/feed, ''",
  })
  void neverDowngradesFromHttpsToHttp(String from, String to, String refusal) {
    assertThat(FeedHttpClient.redirectRefusal(URI.create(from), URI.create(to)).orElse(""))
        .startsWith(refusal);
  }

  @Test
  void reportsHttpErrorsWithTheirStatus() {
    assertThatThrownBy(() -> client(TestFetcherConfig.defaults()).fetch(url("/gone"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.httpStatus()).isEqualTo(410))
        .hasMessageContaining("HTTP 410");
  }

  @Test
  void refusesLoopbackUnlessPrivateAddressesAreAllowed() {
    FeedHttpClient strict = client(TestFetcherConfig.defaults().withAllowPrivateAddresses(false));

    assertThatThrownBy(() -> strict.fetch(url("/plain"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("loopback address");
    assertThatThrownBy(
            () ->
                strict.fetch(
                    "http://2130706433:" + server.getAddress().getPort() + "/plain", null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("loopback address");
    assertThat(seen.get("/plain")).as("no request reached the server").isNull();
  }

  @Test
  void cutsOffASlowDripAtTheTotalDeadline() {
    FeedHttpClient client =
        client(TestFetcherConfig.defaults().withFetchTimeout(Duration.ofMillis(1500)));

    assertThatThrownBy(() -> client.fetch(url("/drip"), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("deadline");
  }

  @Test
  void refusesFiftyMegabyteBodiesWithAndWithoutContentLength() {
    FeedHttpClient client = client(TestFetcherConfig.defaults());

    assertThatThrownBy(() -> client.fetch(url("/huge-with-length"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE))
        .hasMessageContaining("larger than 10485760 bytes");
    assertThatThrownBy(() -> client.fetch(url("/huge-chunked"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE))
        .hasMessageContaining("larger than 10485760 bytes");
    // the client is still usable afterwards
    assertThat(fetchQuietly(client, "/plain")).isEqualTo(FEED);
  }

  @Test
  void stopsALongRedirectChainAfterFiveHops() {
    assertThatThrownBy(() -> client(TestFetcherConfig.defaults()).fetch(url("/chain0"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.REDIRECTS))
        .hasMessageContaining("too many redirects");
    assertThat(seen).doesNotContainKey("/chain6");
  }

  @Test
  void refusesARedirectToAPrivateAddressEvenWhenTheFirstHostIsAllowlisted() {
    FeedHttpClient strict =
        client(
            TestFetcherConfig.defaults()
                .withAllowPrivateAddresses(false)
                .withAllowedAddresses("127.0.0.1/32"));

    assertThat(fetchQuietly(strict, "/plain")).isEqualTo(FEED);
    assertThatThrownBy(() -> strict.fetch(url("/to-metadata"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED))
        .hasMessageContaining("link-local address");
    assertThatThrownBy(() -> strict.fetch(url("/to-mapped"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED))
        .hasMessageContaining("private");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://2130706433:PORT/plain, loopback",
    "http://0x7f.0.0.1:PORT/plain, loopback",
    "http://017700000001:PORT/plain, loopback",
    "http://[::ffff:127.0.0.1]:PORT/plain, loopback",
    "http://localhost:PORT/plain, loopback",
    "http://127.1:PORT/plain, loopback",
  })
  void refusesNumericTricksForLoopback(String template, String reason) {
    FeedHttpClient strict = client(TestFetcherConfig.defaults().withAllowPrivateAddresses(false));
    String target = template.replace("PORT", String.valueOf(server.getAddress().getPort()));

    assertThatThrownBy(() -> strict.fetch(target, null, null))
        .isInstanceOf(FetchException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .matches(
                        m ->
                            m.contains(reason)
                                || m.contains("unknown host")
                                || m.contains("no host"),
                        reason));
    assertThat(seen.get("/plain")).as("no request reached the server").isNull();
  }

  @Test
  void reportsRetryAfterInSecondsAndAsHttpDate() {
    FeedHttpClient client = client(TestFetcherConfig.defaults());

    assertThatThrownBy(() -> client.fetch(url("/busy"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(FetchFailure.RATE_LIMITED);
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.retryAfter()).isAfter(java.time.Instant.now().plusSeconds(100));
            });
    assertThatThrownBy(() -> client.fetch(url("/maintenance"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.retryAfter()).isEqualTo(java.time.Instant.parse("2037-10-21T07:28:00Z"));
            });
  }

  @Test
  void reportsServerErrors() {
    assertThatThrownBy(() -> client(TestFetcherConfig.defaults()).fetch(url("/error"), null, null))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_5XX))
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void reportsWhereAFeedMovedForGoodOnlyThroughPermanentRedirects() throws Exception {
    FetchResult result = client(TestFetcherConfig.defaults()).fetch(url("/moved"), null, null);

    assertThat(result.permanentUrl()).isEqualTo(url("/temporary"));
    assertThat(result.finalUrl()).isEqualTo(url("/plain"));
  }

  @Test
  void readsCacheControlMaxAge() throws Exception {
    assertThat(client(TestFetcherConfig.defaults()).fetch(url("/cached"), null, null).maxAge())
        .isEqualTo(Duration.ofHours(1));
  }

  private byte[] fetchQuietly(FeedHttpClient client, String path) {
    try {
      return client.fetch(url(path), null, null).body();
    } catch (FetchException e) {
      throw new AssertionError(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String encoding, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
    if (encoding != null) {
      exchange.getResponseHeaders().set("Content-Encoding", encoding);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    redirect(exchange, 302, location);
  }

  private static void redirect(HttpExchange exchange, int status, String location)
      throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(status, -1);
  }

  /** 50 MB of feed-looking bytes, announced by Content-Length or chunked. */
  private static void huge(HttpExchange exchange, boolean withLength) throws IOException {
    long size = 50L * 1024 * 1024;
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
    exchange.sendResponseHeaders(200, withLength ? size : 0);
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < size; sent += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      // the client hung up once it had enough: what the test expects
    }
  }

  private static void drip(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (int i = 0; i < 100; i++) {
        out.write('<');
        out.flush();
        Thread.sleep(100);
      }
    } catch (InterruptedException | IOException e) {
      // the client hung up: what the test expects
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] deflate(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}

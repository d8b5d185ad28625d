package io.cleanwire.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that serves feed documents the way well-behaved publishers do:
 * strong ETag, Last-Modified and 304 answers to conditional requests.
 *
 * <p>Tests put documents at paths, change them, and read back the request headers the server saw;
 * local runs serve the bundled sample feeds with it.
 */
public final class FeedServer implements AutoCloseable {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Document> documents = new ConcurrentHashMap<>();
  private final Map<String, List<Map<String, String>>> requests = new ConcurrentHashMap<>();

  private record Document(
      int status, String contentType, byte[] body, String etag, Instant lastModified) {}

  private FeedServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1; port 0 picks a free port. */
  public static FeedServer start(int port) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4);
      FeedServer feeds = new FeedServer(http, executor);
      http.createContext("/", feeds::handle);
      http.setExecutor(executor);
      http.start();
      return feeds;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the feed server on port " + port, e);
    }
  }

  /** Serves {@code body} at {@code path} with a fresh ETag and Last-Modified. */
  public void put(String path, String contentType, byte[] body) {
    putStatus(path, 200, contentType, body);
  }

  /** Serves {@code body} with a given status (for example 500 or 404) at {@code path}. */
  public void putStatus(String path, int status, String contentType, byte[] body) {
    // Truncated to seconds: HTTP dates have no fractions, so If-Modified-Since compares equal.
    Instant modified = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    documents.put(path, new Document(status, contentType, body.clone(), etagOf(body), modified));
  }

  /** Stops serving {@code path}: it answers 404 from now on. */
  public void remove(String path) {
    documents.remove(path);
  }

  /** The absolute URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Request headers (lower-case names, first value) of every request seen for {@code path}. */
  public List<Map<String, String>> requests(String path) {
    return List.copyOf(requests.getOrDefault(path, List.of()));
  }

  /** The paths currently served, in order. */
  public List<String> paths() {
    return new ArrayList<>(new TreeMap<>(documents).keySet());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(headers);

      Document doc = documents.get(path);
      if (doc == null) {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            ("no document at " + path).getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (doc.status() != 200) {
        send(exchange, doc.status(), doc.contentType(), doc.body());
        return;
      }
      exchange.getResponseHeaders().set("ETag", doc.etag());
      exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(doc.lastModified()));
      if (notModified(headers, doc)) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      send(exchange, 200, doc.contentType(), doc.body());
    }
  }

  private static boolean notModified(Map<String, String> headers, Document doc) {
    String ifNoneMatch = headers.get("if-none-match");
    if (ifNoneMatch != null) {
      return ifNoneMatch.equals(doc.etag());
    }
    String ifModifiedSince = headers.get("if-modified-since");
    if (ifModifiedSince != null) {
      try {
        Instant since = Instant.from(HTTP_DATE.parse(ifModifiedSince));
        return !doc.lastModified().isAfter(since);
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

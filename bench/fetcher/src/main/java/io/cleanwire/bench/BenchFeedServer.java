package io.cleanwire.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's feed server on 127.0.0.1: {@code /f/<n>.xml} is an RSS feed of 50 entries (about
 * 20 KB), generated on the fly, with a strong ETag; a matching If-None-Match gets 304 unless {@code
 * /_mode?ignore-validators} switched validators off ({@code /_mode?honour-validators} switches them
 * back). {@code /_stats} prints the requests answered so far.
 */
public final class BenchFeedServer {

  private static volatile boolean ignoreValidators;
  private static final AtomicLong full = new AtomicLong();
  private static final AtomicLong notModified = new AtomicLong();

  private BenchFeedServer() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/f/", BenchFeedServer::feed);
    server.createContext(
        "/_mode",
        exchange -> {
          ignoreValidators = "ignore-validators".equals(exchange.getRequestURI().getQuery());
          reply(exchange, 200, ("ignoreValidators=" + ignoreValidators).getBytes());
        });
    server.createContext(
        "/_stats",
        exchange ->
            reply(
                exchange,
                200,
                ("full=" + full.get() + " notModified=" + notModified.get()).getBytes()));
    server.start();
    System.out.println("BENCH FEEDS READY http://127.0.0.1:" + port + "/f/");
  }

  private static void feed(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String n = path.substring(3, path.length() - 4);
    String etag = "\"" + n + "-v1\"";
    exchange.getResponseHeaders().set("ETag", etag);
    if (!ignoreValidators && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    full.incrementAndGet();
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    reply(exchange, 200, rss(n));
  }

  static byte[] rss(String n) {
    StringBuilder doc = new StringBuilder(24_000);
    doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
        .append("<title>Bench feed ")
        .append(n)
        .append("</title><link>https://bench.example/")
        .append(n)
        .append("/</link><description>Benchmark feed</description>");
    for (int i = 0; i < 50; i++) {
      doc.append("<item><guid isPermaLink=\"false\">bench-")
          .append(n)
          .append('-')
          .append(i)
          .append("</guid><link>https://bench.example/")
          .append(n)
          .append('/')
          .append(i)
          .append("</link><title>Story ")
          .append(i)
          .append(" of feed ")
          .append(n)
          .append(": a headline of ordinary length for a news item</title>")
          .append("<description>&lt;p&gt;A summary paragraph of about two hundred characters,")
          .append(" which is what most news feeds put in their descriptions, with a link and")
          .append(" some &lt;b&gt;markup&lt;/b&gt; in it.&lt;/p&gt;</description>")
          .append("<pubDate>Wed, 05 Jan 2022 ")
          .append(String.format("%02d:%02d:00", i % 24, i % 60))
          .append(" GMT</pubDate></item>");
    }
    return doc.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

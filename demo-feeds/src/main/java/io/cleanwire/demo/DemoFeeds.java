package io.cleanwire.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample feeds bundled for local runs, with the real defects Cleanwire exists to fix, and an
 * OPML list of them for import.
 */
public final class DemoFeeds {

  /** Paths of the bundled feeds on the demo server. */
  public static final List<String> PATHS =
      List.of("/feeds/aggregator.xml", "/feeds/world.atom", "/feeds/tech.xml");

  /** Path of the OPML document that lists every bundled feed with its absolute URL. */
  public static final String OPML_PATH = "/subscriptions.opml";

  private DemoFeeds() {}

  /** Puts every bundled feed and the OPML list on {@code server} and returns it. */
  public static FeedServer serve(FeedServer server) {
    StringBuilder opml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
                + "  <head><title>Cleanwire demo feeds</title></head>\n  <body>\n");
    for (String path : PATHS) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      String type = name.endsWith(".atom") ? "application/atom+xml" : "application/rss+xml";
      server.put(path, type + "; charset=utf-8", resource(name));
      opml.append("    <outline type=\"rss\" text=\"")
          .append(name)
          .append("\" xmlUrl=\"")
          .append(server.url(path))
          .append("\"/>\n");
    }
    opml.append("  </body>\n</opml>\n");
    server.put(
        OPML_PATH, "text/x-opml; charset=utf-8", opml.toString().getBytes(StandardCharsets.UTF_8));
    return server;
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo-feeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled feed missing: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

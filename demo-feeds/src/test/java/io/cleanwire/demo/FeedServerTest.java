package io.cleanwire.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedServerTest {

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url, String header, String value) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (header != null) {
      request.header(header, value);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersConditionalRequestsLikeAWellBehavedPublisher() throws Exception {
    try (FeedServer server = FeedServer.start(0)) {
      server.put("/feed.xml", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> first = get(server.url("/feed.xml"), null, null);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("<rss/>");
      String etag = first.headers().firstValue("ETag").orElseThrow();
      String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

      assertThat(get(server.url("/feed.xml"), "If-None-Match", etag).statusCode()).isEqualTo(304);
      assertThat(get(server.url("/feed.xml"), "If-Modified-Since", lastModified).statusCode())
          .isEqualTo(304);

      server.put(
          "/feed.xml", "application/rss+xml", "<rss>2</rss>".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> changed = get(server.url("/feed.xml"), "If-None-Match", etag);
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(changed.body()).isEqualTo("<rss>2</rss>");

      assertThat(server.requests("/feed.xml")).hasSize(4);
      assertThat(server.requests("/feed.xml").get(1)).containsEntry("if-none-match", etag);
    }
  }

  @Test
  void unknownPathsAndErrorDocumentsKeepTheirStatus() throws Exception {
    try (FeedServer server = FeedServer.start(0)) {
      assertThat(get(server.url("/missing"), null, null).statusCode()).isEqualTo(404);
      server.putStatus("/broken", 503, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
      assertThat(get(server.url("/broken"), null, null).statusCode()).isEqualTo(503);
    }
  }

  @Test
  void servesEveryBundledSampleFeed() throws Exception {
    try (FeedServer server = DemoFeeds.serve(FeedServer.start(0))) {
      assertThat(server.paths()).contains(DemoFeeds.PATHS.toArray(String[]::new));
      for (String path : DemoFeeds.PATHS) {
        HttpResponse<String> response = get(server.url(path), null, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).containsPattern("<item|<entry").doesNotContain("${");
      }
      String opml = get(server.url(DemoFeeds.OPML_PATH), null, null).body();
      for (String path : DemoFeeds.PATHS) {
        assertThat(opml).contains("xmlUrl=\"" + server.url(path) + "\"");
      }
    }
  }
}

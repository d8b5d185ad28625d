package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The change feed ({@code /api/v1/items/changes}) and its SSE stream ({@code /stream}). Each test
 * uses a feed URL of its own as filter, so other tests' items never show.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class ChangeFeedTest {

  @Inject ItemStore store;

  @TestHTTPResource("/")
  URI base;

  private static String newFeed() {
    return "https://changes.example/" + UUID.randomUUID() + ".xml";
  }

  private TestEvents put(String feed, String title) {
    TestEvents event = TestEvents.entry().feed(feed, "Changes").title(title);
    store.upsert(event.build());
    return event;
  }

  private JsonPath changes(String feed, String after, int limit) {
    var request = given().queryParam("feed", feed).queryParam("limit", limit);
    if (after != null) {
      request.queryParam("after", after);
    }
    return request.get("/api/v1/items/changes").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void returnsCreatedThenUpdatedItemsAfterTheCursorInOrder() {
    String feed = newFeed();
    TestEvents a = put(feed, "A");
    TestEvents b = put(feed, "B");

    JsonPath first = changes(feed, null, 50);
    assertThat(first.getList("items.entryKey", String.class))
        .containsExactly(a.entryKey, b.entryKey);
    assertThat(first.getBoolean("more")).isFalse();
    String cursor = first.getString("nextCursor");

    // Nothing new: same cursor back, no items.
    JsonPath idle = changes(feed, cursor, 50);
    assertThat(idle.getList("items")).isEmpty();
    assertThat(idle.getString("nextCursor")).isEqualTo(cursor);

    TestEvents edited =
        TestEvents.entry()
            .key(a.entryKey)
            .feed(feed, "Changes")
            .title("A edited")
            .normalized(a.normalizedAt.plusSeconds(1));
    store.upsert(edited.build());
    TestEvents c = put(feed, "C");

    JsonPath next = changes(feed, cursor, 50);
    assertThat(next.getList("items.entryKey", String.class))
        .containsExactly(a.entryKey, c.entryKey);
    assertThat(next.getString("items[0].title")).isEqualTo("A edited");
  }

  @Test
  void pagesThroughChangesWithoutLossOrRepeat() {
    String feed = newFeed();
    for (int i = 0; i < 7; i++) {
      put(feed, "item " + i);
    }
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    boolean more = true;
    int calls = 0;
    while (more) {
      JsonPath page = changes(feed, cursor, 3);
      seen.addAll(page.getList("items.entryKey", String.class));
      cursor = page.getString("nextCursor");
      more = page.getBoolean("more");
      calls++;
    }
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(calls).isEqualTo(3);
  }

  @Test
  void refusesAListCursorAsChangeCursor() {
    String feed = newFeed();
    put(feed, "x");
    put(feed, "y");
    String listCursor =
        given()
            .queryParam("feed", feed)
            .queryParam("limit", 1)
            .get("/api/v1/items")
            .jsonPath()
            .getString("nextCursor");

    given()
        .queryParam("after", listCursor)
        .get("/api/v1/items/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("after"));
  }

  @Test
  void streamDeliversNewItemsAsServerSentEvents() throws Exception {
    String feed = newFeed();
    TestEvents before = put(feed, "before");
    String cursor = changes(feed, null, 50).getString("nextCursor");
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    URI uri =
        base.resolve(
            "api/v1/items/stream?feed="
                + URLEncoder.encode(feed, StandardCharsets.UTF_8)
                + "&after="
                + cursor);
    CompletableFuture<HttpResponse<Stream<String>>> response =
        client.sendAsync(
            HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<Void> reader = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
    try {
      TestEvents arrived = put(feed, "arrived while listening");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> lines.stream().anyMatch(l -> l.contains(arrived.entryKey)));
      HttpResponse<Stream<String>> answer = response.get();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      assertThat(lines).anyMatch(l -> l.startsWith("event:") && l.contains("item"));
      assertThat(lines).anyMatch(l -> l.startsWith("id:"));
      assertThat(lines)
          .filteredOn(l -> l.startsWith("data:"))
          .anyMatch(l -> l.contains("\"title\":\"arrived while listening\""));
      // The cursor was taken after the first item: it is not sent again.
      assertThat(lines).noneMatch(l -> l.contains(before.entryKey));
    } finally {
      reader.cancel(true);
      response.cancel(true);
    }
  }
}

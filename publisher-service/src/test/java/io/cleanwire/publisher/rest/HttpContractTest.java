package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract every client relies on: ETag/304 on every GET, problem+json, CORS, OpenAPI. */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class HttpContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ItemStore store;
  @Inject MeterRegistry meters;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/items?since=2501-01-01T00:00:00Z&until=2502-01-01T00:00:00Z",
        "/api/v1/items/etag-item",
        "/api/v1/stories/etag-item",
        "/api/v1/items/changes?feed=https://etag.example/feed",
        "/feeds/rss?feed=https://etag.example/feed",
        "/feeds/atom?feed=https://etag.example/feed",
        "/feeds/json?feed=https://etag.example/feed"
      })
  void everyGetHasAnEtagAndAnswersItWith304(String url) {
    store.upsert(
        TestEvents.entry()
            .key("etag-item")
            .feed("https://etag.example/feed", "ETag")
            .published(Instant.parse("2501-06-01T00:00:00Z"))
            .build());
    io.restassured.response.Response first = given().get(url);
    first
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
        .header("Last-Modified", org.hamcrest.Matchers.notNullValue());
    String etag = first.header("ETag");

    given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString());
    given().header("If-None-Match", "W/" + etag).get(url).then().statusCode(304);
    // A repeat (served from the representation cache) is byte for byte the first answer.
    io.restassured.response.Response again = given().header("If-None-Match", "\"other\"").get(url);
    again.then().statusCode(200).header("ETag", etag);
    assertThat(again.contentType().replace(" ", ""))
        .isEqualTo(first.contentType().replace(" ", ""));
    assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
  }

  @Test
  void concurrentFirstRequestsForOneUrlAreRenderedOnceAndAllAnswered() throws Exception {
    store.upsert(
        TestEvents.entry()
            .key("single-flight-item")
            .feed("https://flight.example/feed", "Flight")
            .published(Instant.parse("2502-03-01T00:00:00Z"))
            .build());
    URI uri =
        URI.create(
            "http://localhost:"
                + RestAssured.port
                + "/api/v1/items?feed=https://flight.example/feed&limit=7");
    double renderedBefore = answers("rendered");
    int clients = 12;
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<byte[]>>> pending = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        pending.add(
            pool.submit(
                () -> {
                  go.await();
                  return http.send(
                      HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                }));
      }
      go.countDown();
      List<HttpResponse<byte[]>> answers = new ArrayList<>();
      for (Future<HttpResponse<byte[]>> f : pending) {
        answers.add(f.get());
      }
      HttpResponse<byte[]> first = answers.get(0);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(first.body()).path("items").get(0).path("entryKey").asText())
          .isEqualTo("single-flight-item");
      for (HttpResponse<byte[]> answer : answers) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag"))
            .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(answer.headers().firstValue("Content-Type"))
            .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(answer.body()).isEqualTo(first.body());
      }
    } finally {
      pool.shutdownNow();
    }
    // One of them queried and serialized; the rest waited for it or found its stored answer.
    assertThat(answers("rendered") - renderedBefore).isEqualTo(1.0);
  }

  private double answers(String outcome) {
    return meters.get("cleanwire.publisher.answers").tag("outcome", outcome).counter().count();
  }

  @Test
  void etagDiffersBetweenQueriesAndChangesWithAnyWrite() {
    String a = given().get("/api/v1/items?language=en").then().extract().header("ETag");
    String b = given().get("/api/v1/items?language=de").then().extract().header("ETag");
    assertThat(a).isNotEqualTo(b);

    store.upsert(TestEvents.entry().build());

    given().header("If-None-Match", a).get("/api/v1/items?language=en").then().statusCode(200);
  }

  @Test
  void errorsAreProblemDocumentsWithoutEtag() {
    given()
        .get("/api/v1/items/unknown-key")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .header("ETag", nullValue())
        .body("title", equalTo("Not Found"))
        .body("detail", containsString("unknown-key"));
    given()
        .post("/api/v1/items")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405))
        .body("detail", containsString("read-only"));
  }

  @Test
  void allowsTheConfiguredOriginOnly() {
    given()
        .header("Origin", "https://app.example")
        .get("/api/v1/items?limit=1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://app.example")
        .header("Access-Control-Expose-Headers", containsString("ETag"));
    given()
        .header("Origin", "https://app.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "If-None-Match")
        .options("/api/v1/items")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://app.example")
        .header("Access-Control-Allow-Methods", containsString("GET"));
    given()
        .header("Origin", "https://evil.example")
        .get("/api/v1/items?limit=1")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void openApiDescribesEveryParameterAndEveryField() throws Exception {
    JsonNode api =
        JSON.readTree(
            given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());
    List<String> undocumented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String where = op.getKey() + " " + path.getKey();
        if (op.getValue().path("summary").asText().isBlank()) {
          undocumented.add(where + " (summary)");
        }
        for (JsonNode parameter : op.getValue().path("parameters")) {
          if (parameter.path("description").asText().isBlank()) {
            undocumented.add(where + " parameter " + parameter.path("name").asText());
          }
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> schemas =
            api.path("components").path("schemas").fields();
        schemas.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = schemas.next();
      for (Iterator<Map.Entry<String, JsonNode>> props =
              schema.getValue().path("properties").fields();
          props.hasNext(); ) {
        Map.Entry<String, JsonNode> prop = props.next();
        JsonNode p = prop.getValue();
        boolean described =
            !p.path("description").asText().isBlank()
                || (p.has("$ref") && !p.path("description").isMissingNode())
                || (p.has("allOf") && !p.path("description").asText().isBlank());
        if (!described) {
          undocumented.add("schema " + schema.getKey() + "." + prop.getKey());
        }
      }
    }

    assertThat(api.path("paths").has("/api/v1/items/changes")).isTrue();
    assertThat(api.path("paths").has("/api/v1/items/stream")).isTrue();
    assertThat(api.path("paths").has("/feeds/atom")).isTrue();
    assertThat(api.path("paths").has("/feeds/json")).isTrue();
    assertThat(undocumented).isEmpty();
  }
}

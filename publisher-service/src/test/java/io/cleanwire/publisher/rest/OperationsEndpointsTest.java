package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What operators and API users rely on besides the API itself: health, metrics, OpenAPI. */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class OperationsEndpointsTest {

  @Inject ItemStore store;

  @Test
  void reportsLiveAndReadyWithTheDatabaseCheck() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("Database connections health check"));
  }

  @Test
  void countsStoredEntriesByDecision() {
    var event = TestEvents.entry().build();
    store.upsert(event);
    store.upsert(event);

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("cleanwire_publisher_entries_total{decision=\"insert\""))
        .body(containsString("cleanwire_publisher_entries_total{decision=\"skip\""));
  }

  @Test
  void documentsTheApiInOpenApi() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/items/{entryKey}"))
        .body(containsString("/api/v1/stories/{storyId}"))
        .body(containsString("/feeds/rss"));
  }
}

package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.publisher.support.InMemoryChannels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client over its quota gets 429 with Retry-After and a problem document; others are not. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
class RateLimitTest {

  /** Five requests, then one per 100 s: the sixth request within the test is refused. */
  public static class TightLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cleanwire.publisher.rate-limit.burst", "5",
          "cleanwire.publisher.rate-limit.requests-per-second", "0.01");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(InMemoryChannels.class));
    }
  }

  @Test
  void answers429WithRetryAfterOnceTheBurstIsSpent() {
    for (int i = 0; i < 5; i++) {
      given().get(i % 2 == 0 ? "/api/v1/items" : "/feeds/rss").then().statusCode(200);
    }

    Response refused = given().get("/api/v1/items");
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429))
        .body("detail", containsString("retry after"));
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 100L);
    // Operations endpoints stay reachable for probes and scrapers.
    given().get("/q/health/live").then().statusCode(200);
  }
}

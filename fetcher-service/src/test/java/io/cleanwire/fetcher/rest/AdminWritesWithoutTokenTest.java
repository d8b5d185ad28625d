package io.cleanwire.fetcher.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoAdminTokenProfile.class)
class AdminWritesWithoutTokenTest {

  @Test
  void refusesEveryWriteWhenNoTokenIsConfigured() {
    for (String token : new String[] {"", "anything", "test-admin-token"}) {
      given()
          .header("Authorization", "Bearer " + token)
          .contentType(ContentType.JSON)
          .body("{\"url\":\"https://a.example/rss\"}")
          .post("/api/v1/feeds")
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("detail", containsString("CLEANWIRE_ADMIN_TOKEN"));
    }
    given().get("/api/v1/feeds").then().statusCode(200);
  }
}

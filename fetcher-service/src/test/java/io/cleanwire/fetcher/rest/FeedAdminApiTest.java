package io.cleanwire.fetcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.cleanwire.fetcher.subscription.Subscriptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedAdminApiTest {

  static final String TOKEN = "test-admin-token";

  @Inject Subscriptions subscriptions;

  @BeforeEach
  void noFeeds() {
    subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
  }

  @Test
  void refusesWritesWithoutTheRightToken() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"url\":\"https://a.example/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"))
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    given()
        .auth()
        .oauth2("wrong-token")
        .contentType(ContentType.JSON)
        .body("{\"url\":\"https://a.example/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("detail", equalTo("invalid admin token"));
    given().delete("/api/v1/feeds/1").then().statusCode(401);
    given().post("/api/v1/feeds/1/poll").then().statusCode(401);
    given().body("<opml/>").post("/api/v1/feeds/import").then().statusCode(401);

    given().get("/api/v1/feeds").then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void subscribesOnceAndAnswersTheExistingFeedTheSecondTime() {
    var created =
        given()
            .auth()
            .oauth2(TOKEN)
            .contentType(ContentType.JSON)
            .body("{\"url\":\"https://A.example/rss#top\",\"title\":\"A\"}")
            .post("/api/v1/feeds")
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .body("url", equalTo("https://a.example/rss"))
            .body("title", equalTo("A"))
            .body("health.lastStatus", equalTo("NEVER_POLLED"))
            .body("health.consecutiveFailures", equalTo(0))
            .body("health.entriesSeen", equalTo(0))
            .body("health.nextPollAt", notNullValue())
            .extract();
    long id = created.jsonPath().getLong("id");
    assertThat(created.header("Location")).endsWith("/api/v1/feeds/" + id);

    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body("{\"url\":\"https://a.example/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(200)
        .body("id", equalTo((int) id));

    given().get(created.header("Location")).then().statusCode(200).body("title", equalTo("A"));
    given()
        .get("/api/v1/feeds")
        .then()
        .statusCode(200)
        .body("url", hasItem("https://a.example/rss"));
  }

  @Test
  void rejectsUrlsThatAreNotHttpWithAProblem() {
    for (String body :
        List.of(
            "{\"url\":\"ftp://a.example/rss\"}",
            "{\"url\":\"file:///etc/passwd\"}",
            "{\"url\":\"http://bad host/\"}",
            "{\"url\":\"\"}",
            "{\"title\":\"no url\"}")) {
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/feeds")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("detail", notNullValue());
    }
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body("{not json")
        .post("/api/v1/feeds")
        .then()
        .statusCode(400);
    given().get("/api/v1/feeds").then().body("$", hasSize(0));
  }

  @Test
  void deletesAFeed() {
    long id = subscribe("https://gone.example/rss");

    given().auth().oauth2(TOKEN).delete("/api/v1/feeds/" + id).then().statusCode(204);

    given().get("/api/v1/feeds/" + id).then().statusCode(404);
    given().auth().oauth2(TOKEN).delete("/api/v1/feeds/" + id).then().statusCode(404);
  }

  @Test
  void importsNestedOpmlAndExportsItBack() {
    subscribe("https://existing.example/rss");
    String opml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Reader export</title></head>
          <body>
            <outline text="News">
              <outline text="World" type="rss" xmlUrl="https://world.example/rss" htmlUrl="https://world.example/"/>
              <outline text="Folder">
                <outline text="Tech" type="rss" xmlUrl="https://tech.example/atom.xml"/>
              </outline>
            </outline>
            <outline text="Old" type="rss" xmlUrl="https://existing.example/rss"/>
            <outline text="Gopher" type="rss" xmlUrl="gopher://old.example/feed"/>
          </body>
        </opml>
        """;

    JsonPath result =
        given()
            .auth()
            .oauth2(TOKEN)
            .contentType("text/x-opml")
            .body(opml)
            .post("/api/v1/feeds/import")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(result.getList("imported.url"))
        .containsExactly("https://world.example/rss", "https://tech.example/atom.xml");
    assertThat(result.getList("imported.title")).containsExactly("World", "Tech");
    assertThat(result.getList("existing.url")).containsExactly("https://existing.example/rss");
    assertThat(result.getList("rejected.url")).containsExactly("gopher://old.example/feed");
    assertThat(result.getString("rejected[0].reason")).contains("http or https");

    String exported =
        given()
            .get("/api/v1/feeds/export")
            .then()
            .statusCode(200)
            .contentType(containsString("text/x-opml"))
            .extract()
            .asString();
    assertThat(exported).contains("xmlUrl=\"https://world.example/rss\"");

    noFeeds();
    JsonPath again =
        given()
            .auth()
            .oauth2(TOKEN)
            .contentType("text/x-opml")
            .body(exported)
            .post("/api/v1/feeds/import")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getList("imported.url"))
        .containsExactlyInAnyOrder(
            "https://existing.example/rss",
            "https://world.example/rss",
            "https://tech.example/atom.xml");
    assertThat(again.getList("rejected")).isEmpty();
    given()
        .get("/api/v1/feeds")
        .then()
        .body(
            "find { it.url == 'https://world.example/rss' }.siteUrl",
            equalTo("https://world.example/"))
        .body("find { it.url == 'https://world.example/rss' }.title", equalTo("World"));
  }

  @Test
  void refusesAnImportThatIsNotOpml() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("text/x-opml")
        .body("<html><body>hello</body></html>")
        .post("/api/v1/feeds/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not an OPML document"));
  }

  @Test
  void answersNotFoundForUnknownFeeds() {
    given().get("/api/v1/feeds/999999").then().statusCode(404).body("detail", endsWith("999999"));
    given().auth().oauth2(TOKEN).post("/api/v1/feeds/999999/poll").then().statusCode(404);
  }

  @Test
  void exposesHealthMetricsAndOpenApi() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/feeds/{id}/poll"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  static long subscribe(String url) {
    return given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body("{\"url\":\"" + url + "\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}

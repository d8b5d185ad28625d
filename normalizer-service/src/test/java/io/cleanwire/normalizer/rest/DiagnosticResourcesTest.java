package io.cleanwire.normalizer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ComponentProfile.class)
class DiagnosticResourcesTest {

  private static byte[] json(EntryFetchedEvent event) {
    return EventJson.write(event);
  }

  @Test
  void normalizeAnswersTheEventThePipelineWouldProduceWithoutRecordingTheStory() {
    String id = Events.unique();
    String link = "https://news.example/dry-" + id + "?utm_source=x";
    EntryFetchedEvent first = Events.fetched("https://a.example/" + id, "a", link);
    EntryFetchedEvent second = Events.fetched("https://b.example/" + id, "b", link);

    given()
        .contentType("application/json")
        .body(json(first))
        .when()
        .post("/api/v1/normalize")
        .then()
        .statusCode(200)
        .body("entryKey", equalTo(first.entryKey()))
        .body("canonicalUrl", equalTo("https://news.example/dry-" + id))
        .body("contentHtml", not(containsString("<script")))
        .body("language", equalTo("en"))
        .body("storyId", equalTo(first.entryKey()))
        .body("matchedBy", nullValue());

    // nothing was recorded: the second entry with the same URL still starts its own story
    given()
        .contentType("application/json")
        .body(json(second))
        .when()
        .post("/api/v1/normalize")
        .then()
        .statusCode(200)
        .body("storyId", equalTo(second.entryKey()))
        .body("duplicateOf", nullValue());
  }

  @Test
  void normalizeAnswersProblemJsonToBadInput() {
    given()
        .contentType("application/json")
        .body("{not json")
        .when()
        .post("/api/v1/normalize")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", is(400))
        .body("detail", containsString("EntryFetchedEvent"));

    given()
        .contentType("application/json")
        .body("{\"title\":\"no key\"}")
        .when()
        .post("/api/v1/normalize")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("entryKey"));
  }

  @Test
  void repairAnswersTheRepairedTitleAndNamesTheRepairs() {
    given()
        .contentType("text/plain; charset=UTF-8")
        .body("  Tom &amp; <b>Jerry</b>\u200B  ")
        .when()
        .post("/api/v1/repair")
        .then()
        .statusCode(200)
        .header("X-Repairs", "html-to-text,html-entities,invisible-controls")
        .body(equalTo("Tom & Jerry"));
  }

  @Test
  void repairShowsEscapedBytesAndMojibakeRepairs() {
    given()
        .contentType("text/plain; charset=UTF-8")
        .body("xe2x80x9cWexe2x80x99re back,xe2x80x9d said Philipp Bxc3xb6ll at the cafÃ©")
        .when()
        .post("/api/v1/repair")
        .then()
        .statusCode(200)
        .header("X-Repairs", "escaped-bytes,mojibake")
        .body(equalTo("“We’re back,” said Philipp Böll at the café"));
  }

  @Test
  void repairAsSummaryStripsAggregatorBoilerplate() {
    given()
        .contentType("text/plain; charset=UTF-8")
        .body(
            "shared this story\nfrom Callie Patteson | New York Post.\nThe story.\n"
                + "0 seconds of 0 secondsVolume 90%\nIncrease Volumexe2x86x91")
        .queryParam("as", "summary")
        .when()
        .post("/api/v1/repair")
        .then()
        .statusCode(200)
        .header("X-Repairs", "escaped-bytes,boilerplate")
        .body(equalTo("The story."));
  }

  @Test
  void repairLeavesCorrectTextAlone() {
    given()
        .contentType("text/plain; charset=UTF-8")
        .body("Марк Шагал — «Русская свадьба» 👨‍👩‍👧")
        .when()
        .post("/api/v1/repair")
        .then()
        .statusCode(200)
        .header("X-Repairs", "")
        .body(equalTo("Марк Шагал — «Русская свадьба» 👨‍👩‍👧"));
  }

  @Test
  void detectLanguageReadsTheTextNotTheDeclaration() {
    given()
        .contentType("text/plain; charset=UTF-8")
        .body("Правительство объявило о новых мерах поддержки малого бизнеса")
        .queryParam("declared", "en-US")
        .when()
        .post("/api/v1/detect-language")
        .then()
        .statusCode(200)
        .body("language", equalTo("ru"))
        .body("candidates[0].language", equalTo("ru"));

    given()
        .contentType("text/plain; charset=UTF-8")
        .body("Die Bundesregierung hat am Mittwoch neue Hilfen beschlossen")
        .when()
        .post("/api/v1/detect-language")
        .then()
        .statusCode(200)
        .body("language", equalTo("de"))
        .body("confidence", greaterThan(0.5f))
        .body("candidates.size()", greaterThan(1));
  }

  @Test
  void detectLanguageAnswersUndWhenTheTextCannotTell() {
    for (String text : new String[] {"", "2024-11-28 14:05", "Angela Merkel"}) {
      given()
          .contentType("text/plain; charset=UTF-8")
          .body(text)
          .queryParam("declared", "de")
          .when()
          .post("/api/v1/detect-language")
          .then()
          .statusCode(200)
          .body("language", equalTo("und"))
          .body("candidates", empty());
    }
  }

  @Test
  void healthAndMetricsAreServed() {
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200);
    given()
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/detect-language"));
  }
}

package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The item API over H2. Tests share one database, so each works inside its own time window ({@code
 * since}/{@code until}) and never sees another test's items.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class ItemApiTest {

  @Inject ItemStore store;

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  private static RequestSpecification window(int year) {
    return given()
        .queryParam("since", year(year).toString())
        .queryParam("until", year(year + 1).toString());
  }

  private String put(TestEvents event) {
    store.upsert(event.build());
    return event.entryKey;
  }

  @Test
  void listsNewestFirstWithEveryItemField() {
    Instant t = year(2001);
    String older = put(TestEvents.entry().published(t.plusSeconds(10)).title("Older"));
    TestEvents newer = TestEvents.entry().published(t.plusSeconds(20)).title("Newer");
    newer.enclosures =
        List.of(new io.cleanwire.events.Enclosure("https://m.example/a.mp3", "audio/mpeg", 42L));
    put(newer);

    JsonPath json = window(2001).get("/api/v1/items").then().statusCode(200).extract().jsonPath();

    assertThat(json.getList("items.entryKey")).containsExactly(newer.entryKey, older);
    assertThat(json.getString("nextCursor")).isNull();
    assertThat(json.getMap("items[0]").keySet())
        .containsExactlyInAnyOrder(
            "entryKey",
            "storyId",
            "duplicateOf",
            "matchedBy",
            "similarity",
            "feed",
            "guid",
            "link",
            "canonicalUrl",
            "title",
            "summary",
            "contentHtml",
            "language",
            "languageConfidence",
            "publishedAt",
            "fetchedAt",
            "authors",
            "categories",
            "enclosures",
            "repairs",
            "alsoIn");
    assertThat(json.getString("items[0].feed.url")).isEqualTo(newer.feedUrl);
    assertThat(json.getString("items[0].feed.title")).isEqualTo("Example Feed");
    assertThat(json.getString("items[0].publishedAt")).isEqualTo("2001-01-01T00:00:20Z");
    assertThat(json.getString("items[0].repairs[0].kind")).isEqualTo("html-entities");
    assertThat(json.getString("items[0].enclosures[0].url")).isEqualTo("https://m.example/a.mp3");
    assertThat(json.getList("items[0].authors")).containsExactly("Ada Author");
  }

  @Test
  void filtersByRepeatedLanguage() {
    Instant t = year(2002);
    String en = put(TestEvents.entry().published(t.plusSeconds(1)).language("en"));
    String de = put(TestEvents.entry().published(t.plusSeconds(2)).language("de"));
    String fr = put(TestEvents.entry().published(t.plusSeconds(3)).language("fr"));

    assertThat(
            window(2002)
                .queryParam("language", "de")
                .queryParam("language", "fr")
                .get("/api/v1/items")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(fr, de);
    assertThat(
            window(2002)
                .queryParam("language", "en")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(en);
  }

  @Test
  void filtersByFeedAndByStory() {
    Instant t = year(2003);
    TestEvents a = TestEvents.entry().published(t.plusSeconds(1));
    TestEvents b = TestEvents.entry().published(t.plusSeconds(2));
    TestEvents c = TestEvents.entry().published(t.plusSeconds(3)).feed(a.feedUrl, "Same Feed");
    put(a);
    put(b);
    put(c.memberOf(b.entryKey, MatchedBy.URL, 1.0));

    assertThat(
            window(2003)
                .queryParam("feed", a.feedUrl)
                .queryParam("collapse", "false")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(c.entryKey, a.entryKey);
    assertThat(
            window(2003)
                .queryParam("story", b.entryKey)
                .queryParam("collapse", "false")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(c.entryKey, b.entryKey);
  }

  @Test
  void sinceIsInclusiveAndUntilExclusive() {
    Instant t = year(2004);
    String atStart = put(TestEvents.entry().published(t));
    String inside = put(TestEvents.entry().published(t.plusSeconds(60)));
    put(TestEvents.entry().published(t.plusSeconds(120)));

    assertThat(
            given()
                .queryParam("since", t.toString())
                .queryParam("until", t.plusSeconds(120).toString())
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(inside, atStart);
    assertThat(
            given()
                .queryParam("since", "2004-01-01T01:00:00+01:00")
                .queryParam("until", "2004-01-01T00:00:30Z")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(atStart);
  }

  @Test
  void collapsesAStoryIntoItsFirstStoredMemberWithAlsoIn() {
    Instant t = year(2005);
    TestEvents first =
        TestEvents.entry().published(t.plusSeconds(10)).feed("https://a.example/feed", "A");
    put(first);
    TestEvents second =
        TestEvents.entry()
            .published(t.plusSeconds(30))
            .feed("https://b.example/feed", "B")
            .memberOf(first.entryKey, MatchedBy.URL, 1.0)
            .language("de");
    put(second);
    TestEvents third =
        TestEvents.entry()
            .published(t.plusSeconds(20))
            .feed("https://c.example/feed", "C")
            .memberOf(first.entryKey, MatchedBy.NEAR, 0.93);
    put(third);
    String alone = put(TestEvents.entry().published(t.plusSeconds(5)));

    JsonPath collapsed = window(2005).get("/api/v1/items").jsonPath();
    assertThat(collapsed.getList("items.entryKey", String.class))
        .containsExactly(first.entryKey, alone);
    assertThat(collapsed.getList("items[0].alsoIn.entryKey", String.class))
        .containsExactly(second.entryKey, third.entryKey);
    assertThat(collapsed.getString("items[0].alsoIn[0].feed.url"))
        .isEqualTo("https://b.example/feed");
    assertThat(collapsed.getString("items[0].alsoIn[0].feed.title")).isEqualTo("B");
    assertThat(collapsed.getString("items[0].alsoIn[0].link"))
        .isEqualTo("https://news.example/" + second.entryKey);
    assertThat(collapsed.getList("items[1].alsoIn")).isEmpty();

    JsonPath all = window(2005).queryParam("collapse", "false").get("/api/v1/items").jsonPath();
    assertThat(all.getList("items.entryKey", String.class))
        .containsExactly(second.entryKey, third.entryKey, first.entryKey, alone);
    assertThat(all.getList("items[0].alsoIn")).isEmpty();

    // Filters apply before collapsing: the German member stands for its story in German.
    assertThat(
            window(2005)
                .queryParam("language", "de")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(second.entryKey);
  }

  @Test
  void pagesWithoutSkippingOrRepeatingWhileItemsArrive() {
    Instant t = year(2006);
    List<String> original = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // Two items share each second, so ties on sortTime are resolved by entryKey.
      original.add(put(TestEvents.entry().published(t.plusSeconds(100 + i / 2)).key("k2006-" + i)));
    }
    // One story with two members must still appear once across pages.
    String storyFirst = put(TestEvents.entry().published(t.plusSeconds(50)).key("k2006-story"));
    original.add(storyFirst);

    List<String> seen = new ArrayList<>();
    List<Instant> order = new ArrayList<>();
    JsonPath page =
        window(2006)
            .queryParam("limit", 3)
            .get("/api/v1/items")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    seen.addAll(page.getList("items.entryKey", String.class));
    page.getList("items.publishedAt", String.class).forEach(s -> order.add(Instant.parse(s)));
    String cursor = page.getString("nextCursor");
    int pages = 1;
    int inserted = 0;
    while (cursor != null) {
      // Between pages, items arrive: newer than everything, older than the cursor, tying with
      // it, and a late member of an already listed story.
      put(
          TestEvents.entry()
              .published(t.plusSeconds(1000 + inserted))
              .key("k2006-new-" + inserted));
      put(TestEvents.entry().published(t.plusSeconds(10 + inserted)).key("k2006-late-" + inserted));
      put(
          TestEvents.entry()
              .published(t.plusSeconds(1 + inserted))
              .memberOf(storyFirst, MatchedBy.CONTENT, 1.0));
      inserted++;
      page =
          window(2006)
              .queryParam("limit", 3)
              .queryParam("cursor", cursor)
              .get("/api/v1/items")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.entryKey", String.class));
      page.getList("items.publishedAt", String.class).forEach(s -> order.add(Instant.parse(s)));
      cursor = page.getString("nextCursor");
      pages++;
    }

    Set<String> unique = new HashSet<>(seen);
    assertThat(unique).hasSameSizeAs(seen);
    assertThat(seen).containsAll(original);
    // Arrivals older than the cursor show up on later pages; newer ones wait for a new listing.
    assertThat(seen).contains("k2006-late-0");
    assertThat(seen).noneMatch(key -> key.startsWith("k2006-new-"));
    assertThat(order).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(pages).isGreaterThan(3);
  }

  @Test
  void lastPageEndsWithNullCursor() {
    Instant t = year(2007);
    for (int i = 0; i < 4; i++) {
      put(TestEvents.entry().published(t.plusSeconds(i)));
    }
    JsonPath first = window(2007).queryParam("limit", 2).get("/api/v1/items").jsonPath();
    JsonPath second =
        window(2007)
            .queryParam("limit", 2)
            .queryParam("cursor", first.getString("nextCursor"))
            .get("/api/v1/items")
            .jsonPath();

    assertThat(first.getList("items")).hasSize(2);
    assertThat(second.getList("items")).hasSize(2);
    assertThat(second.getString("nextCursor")).isNull();
    window(2007)
        .queryParam("limit", 4)
        .get("/api/v1/items")
        .then()
        .body(containsString("\"nextCursor\":null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.5"})
  void refusesLimitBelowOneOrNotANumber(String limit) {
    given()
        .queryParam("limit", limit)
        .get("/api/v1/items")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("parameter", equalTo("limit"))
        .body("detail", containsString("at least 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"201", "1000", "99999999999999999999"})
  void clampsALargerLimitToTheMaximum(String limit) {
    Instant t = year(2011);
    for (int i = 0; i < 205; i++) {
      put(TestEvents.entry().published(t.plusSeconds(i)).key("k2011-" + limit + "-" + i));
    }
    JsonPath json =
        given()
            .queryParam("since", t.toString())
            .queryParam("until", t.plusSeconds(205).toString())
            .queryParam("limit", limit)
            .get("/api/v1/items")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(json.getList("items")).hasSize(200);
    assertThat(json.getString("nextCursor")).isNotNull();
  }

  @Test
  void acceptsLimitBounds() {
    given().queryParam("limit", "1").get("/api/v1/items").then().statusCode(200);
    given().queryParam("limit", "200").get("/api/v1/items").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "since=yesterday",
        "until=2024-13-01T00:00:00Z",
        "since=2024-01-01",
        "collapse=maybe",
        "language=english!",
        "cursor=bm90LWEtY3Vyc29y",
        "since=2024-02-01T00:00:00Z&until=2024-01-01T00:00:00Z"
      })
  void answersBadParametersWithAProblem(String query) {
    given()
        .get("/api/v1/items?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Bad Request"))
        .body("detail", containsString(query.substring(0, query.indexOf('='))));
  }

  @Test
  void refusesATamperedCursor() {
    Instant t = year(2008);
    for (int i = 0; i < 3; i++) {
      put(TestEvents.entry().published(t.plusSeconds(i)));
    }
    String cursor =
        window(2008).queryParam("limit", 1).get("/api/v1/items").jsonPath().getString("nextCursor");
    char last = cursor.charAt(cursor.length() - 2);
    String tampered =
        cursor.substring(0, cursor.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + cursor.charAt(cursor.length() - 1);

    window(2008)
        .queryParam("cursor", tampered)
        .get("/api/v1/items")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("cursor"));
  }

  @Test
  void returnsOneItemByKeyWithItsStorySources() {
    TestEvents first = TestEvents.entry().published(year(2009));
    put(first);
    TestEvents other =
        TestEvents.entry()
            .published(year(2009).plusSeconds(5))
            .memberOf(first.entryKey, MatchedBy.URL, 1.0);
    put(other);

    given()
        .get("/api/v1/items/" + other.entryKey)
        .then()
        .statusCode(200)
        .body("entryKey", equalTo(other.entryKey))
        .body("storyId", equalTo(first.entryKey))
        .body("duplicateOf", equalTo(first.entryKey))
        .body("matchedBy", equalTo("url"))
        .body("alsoIn[0].entryKey", equalTo(first.entryKey));
  }

  @Test
  void answersUnknownItemWith404Problem() {
    given()
        .get("/api/v1/items/no-such-key")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("detail", containsString("no-such-key"));
  }

  @Test
  void showsAStoryWithEveryMemberAndWhyItMatched() {
    TestEvents first = TestEvents.entry().published(year(2010));
    put(first);
    TestEvents near =
        TestEvents.entry()
            .published(year(2010).plusSeconds(5))
            .memberOf(first.entryKey, MatchedBy.NEAR, 0.91);
    put(near);

    given()
        .get("/api/v1/stories/" + first.entryKey)
        .then()
        .statusCode(200)
        .body("representative.entryKey", equalTo(first.entryKey))
        .body("representative.alsoIn[0].entryKey", equalTo(near.entryKey))
        .body("members.entryKey", org.hamcrest.Matchers.contains(first.entryKey, near.entryKey))
        .body("members[0].matchedBy", nullValue())
        .body("members[1].matchedBy", equalTo("near"))
        .body("members[1].similarity", equalTo(0.91f));
    given().get("/api/v1/stories/unknown").then().statusCode(404);
  }

  @Test
  void emptyWindowGivesEmptyPage() {
    window(1990)
        .get("/api/v1/items")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("nextCursor", nullValue());
  }
}

package io.cleanwire.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full-text search ({@code q}) on the H2 build: the documented fallback, every query word as a
 * case-insensitive substring of title, summary or tag-free content. PostgreSQL stemming is tested
 * in {@code ItemRepositoryPostgresTest}.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class SearchTest {

  @Inject ItemStore store;

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  private static RequestSpecification window(int year) {
    return given()
        .queryParam("since", year(year).toString())
        .queryParam("until", year(year + 1).toString());
  }

  private List<String> search(int year, String q, String... more) {
    RequestSpecification request = window(year).queryParam("q", q);
    for (int i = 0; i + 1 < more.length; i += 2) {
      request.queryParam(more[i], more[i + 1]);
    }
    return request
        .get("/api/v1/items")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.entryKey", String.class);
  }

  private TestEvents put(int year, int second, String title, String summary, String html) {
    TestEvents event = TestEvents.entry().published(year(year).plusSeconds(second)).title(title);
    event.summary = summary;
    event.contentHtml = html;
    store.upsert(event.build());
    return event;
  }

  @Test
  void findsWordsInTitleSummaryAndContentIgnoringCase() {
    TestEvents inTitle = put(2401, 1, "Parliament ELECTION results", null, null);
    TestEvents inSummary = put(2401, 2, "Other", "The election was close.", null);
    TestEvents inContent = put(2401, 3, "Third", null, "<p>After the <b>Election</b></p>");
    put(2401, 4, "Weather", "Sunny", "<p>Warm</p>");

    assertThat(search(2401, "election"))
        .containsExactly(inContent.entryKey, inSummary.entryKey, inTitle.entryKey);
  }

  @Test
  void requiresEveryWordAndMatchesWordStarts() {
    TestEvents both = put(2402, 1, "Election in Germany", null, null);
    put(2402, 2, "Election in France", null, null);

    assertThat(search(2402, "election germany")).containsExactly(both.entryKey);
    // Substring: a shorter form finds the longer word, as stemming would for this pair.
    assertThat(search(2402, "elect")).hasSize(2);
    assertThat(search(2402, "germany, election!")).containsExactly(both.entryKey);
  }

  @Test
  void doesNotMatchMarkupOrPunctuationOnlyQueries() {
    put(2403, 1, "Plain", null, "<p class=\"election\">Nothing here</p>");

    assertThat(search(2403, "election")).isEmpty();
    assertThat(search(2403, "!!!")).isEmpty();
  }

  @Test
  void combinesWithLanguageFilterAndCollapse() {
    TestEvents en = put(2404, 1, "Storm warning", null, null);
    TestEvents de =
        TestEvents.entry()
            .published(year(2404).plusSeconds(2))
            .title("Storm Warnung")
            .language("de")
            .memberOf(en.entryKey, MatchedBy.NEAR, 0.9);
    store.upsert(de.build());

    assertThat(search(2404, "storm")).containsExactly(en.entryKey);
    assertThat(search(2404, "storm", "collapse", "false"))
        .containsExactly(de.entryKey, en.entryKey);
    assertThat(search(2404, "storm", "language", "de")).containsExactly(de.entryKey);
    // A later edit that removes the word takes the item out of the results.
    TestEvents edited =
        TestEvents.entry()
            .key(en.entryKey)
            .feed(en.feedUrl, en.feedTitle)
            .published(en.publishedAt)
            .title("Calm weather")
            .normalized(en.normalizedAt.plusSeconds(1));
    edited.summary = null;
    store.upsert(edited.build());
    assertThat(search(2404, "storm")).containsExactly(de.entryKey);
  }

  @Test
  void refusesAnOverlongQuery() {
    given()
        .queryParam("q", "x".repeat(257))
        .get("/api/v1/items")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("q"));
  }
}

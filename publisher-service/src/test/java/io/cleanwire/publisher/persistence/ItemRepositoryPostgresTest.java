package io.cleanwire.publisher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.query.Cursor;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.query.ItemQuery;
import io.cleanwire.publisher.query.Page;
import io.cleanwire.publisher.store.ItemStore;
import io.cleanwire.publisher.store.UpsertDecision;
import io.cleanwire.publisher.support.TestEvents;
import io.cleanwire.testsupport.PostgresAvailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Migration, upsert and keyset paging on the real PostgreSQL (skipped when it is absent). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class ItemRepositoryPostgresTest {

  @Inject ItemStore store;
  @Inject ItemFinder finder;
  @Inject EntityManager em;

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  private static ItemFilter window(int year) {
    return new ItemFilter(List.of(), null, null, year(year), year(year + 1));
  }

  @Test
  void runsTheMigrationOnPostgres() {
    String product =
        QuarkusTransaction.requiringNew()
            .call(() -> (String) em.createNativeQuery("select version()").getSingleResult());
    @SuppressWarnings("unchecked")
    List<String> indexes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "select indexname from pg_indexes where schemaname = 'publisher'"
                                + " and tablename = 'item'")
                        .getResultList());

    assertThat(product).startsWith("PostgreSQL");
    assertThat(indexes)
        .contains(
            "item_pk",
            "item_sort_idx",
            "item_language_sort_idx",
            "item_feed_sort_idx",
            "item_story_idx",
            "item_changed_idx",
            "item_search_idx");
  }

  private List<String> search(int year, String q, String... languages) {
    ItemFilter filter =
        new ItemFilter(List.of(languages), null, null, year(year), year(year + 1), q);
    return finder.page(new ItemQuery(filter, false, 50, null)).items().stream()
        .map(Item::entryKey)
        .toList();
  }

  @Test
  void searchStemsEachItemInItsOwnLanguage() {
    Instant t = year(2203);
    TestEvents german = TestEvents.entry().published(t.plusSeconds(1)).language("de");
    german.title("Neue Häuser am Stadtrand");
    german.summary = "Die Gemeinde baut.";
    TestEvents english = TestEvents.entry().published(t.plusSeconds(2)).language("en");
    english.title("Election night");
    english.summary = "Results of the elections are coming in.";
    TestEvents russian = TestEvents.entry().published(t.plusSeconds(3)).language("ru");
    russian.title("Выборы в парламент");
    russian.summary = null;
    TestEvents undetermined = TestEvents.entry().published(t.plusSeconds(4)).language("und");
    undetermined.title("Xyzzy quux");
    for (TestEvents e : List.of(german, english, russian, undetermined)) {
      store.upsert(e.build());
    }

    // Inflected forms find each other through the item's own stemmer.
    assertThat(search(2203, "Haus")).containsExactly(german.entryKey);
    assertThat(search(2203, "elections")).containsExactly(english.entryKey);
    assertThat(search(2203, "выборов")).containsExactly(russian.entryKey);
    assertThat(search(2203, "quux")).containsExactly(undetermined.entryKey);
    // Web-search syntax: phrases, or, exclusion; the language filter narrows the stemmers too.
    assertThat(search(2203, "\"election night\"")).containsExactly(english.entryKey);
    assertThat(search(2203, "haus or quux"))
        .containsExactly(undetermined.entryKey, german.entryKey);
    assertThat(search(2203, "election -night")).isEmpty();
    assertThat(search(2203, "häuser", "de")).containsExactly(german.entryKey);
    assertThat(search(2203, "häuser", "en")).isEmpty();
  }

  @Test
  void everyStemmedLanguageHasItsOwnConfiguration() {
    for (String code : SearchSql.STEMMED_LANGUAGES) {
      String config =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      (String)
                          em.createNativeQuery("select publisher_search_config(?1)::text")
                              .setParameter(1, code)
                              .getSingleResult());
      assertThat(config).as(code).isNotEqualTo("simple");
    }
  }

  @Test
  void searchCanBeServedByTheGinIndex() {
    @SuppressWarnings("unchecked")
    List<String> plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                  return em.createNativeQuery(
                          "explain select entry_key from item where search_vector @@"
                              + " cast('(''elect'') | (''election'')' as tsquery)")
                      .getResultList();
                });

    assertThat(String.join("\n", plan)).contains("item_search_idx");
  }

  @Test
  void hugeContentIsStoredAndSearchable() {
    TestEvents huge = TestEvents.entry().published(year(2204));
    huge.contentHtml = "<p>" + "wort ".repeat(400_000) + "</p>";
    huge.title("Needle");

    assertThat(store.upsert(huge.build())).isEqualTo(UpsertDecision.INSERT);
    assertThat(search(2204, "needle")).containsExactly(huge.entryKey);
  }

  @Test
  void changeFeedAndVersionStampWorkOnPostgres() {
    TableStamp before = finder.stamp();
    TestEvents event = TestEvents.entry().published(year(2205));
    store.upsert(event.build());
    TableStamp after = finder.stamp();

    assertThat(after.lastSeq()).isGreaterThan(before.lastSeq());
    assertThat(after.token()).isNotEqualTo(before.token());
    List<String> changed =
        finder
            .changes(
                new ItemFilter(List.of(), event.feedUrl, null, null, null),
                null,
                Instant.now().plusSeconds(1),
                10)
            .items()
            .stream()
            .map(Item::entryKey)
            .toList();
    assertThat(changed).containsExactly(event.entryKey);
  }

  @Test
  void upsertIsIdempotentAndTheNewerVersionWins() {
    TestEvents v1 = TestEvents.entry().published(year(2201)).title("Old");
    assertThat(store.upsert(v1.build())).isEqualTo(UpsertDecision.INSERT);
    assertThat(store.upsert(v1.build())).isEqualTo(UpsertDecision.SKIP);
    TestEvents v2 =
        TestEvents.entry()
            .key(v1.entryKey)
            .feed(v1.feedUrl, v1.feedTitle)
            .published(year(2201))
            .title("New")
            .normalized(v1.normalizedAt.plusNanos(1000));

    assertThat(store.upsert(v2.build())).isEqualTo(UpsertDecision.REPLACE);
    assertThat(store.upsert(v1.build())).isEqualTo(UpsertDecision.SKIP);
    assertThat(finder.byKey(v1.entryKey)).get().extracting(Item::title).isEqualTo("New");
  }

  @Test
  void collapsedSearchShowsEachStoryThroughItsFirstMatchingMember() {
    Instant t = year(2205);
    TestEvents first =
        english(
            "pg-s-first",
            t.plusSeconds(1),
            "Ballot counting continues",
            "Officials expect the final count tomorrow.");
    TestEvents second =
        english(
                "pg-s-second",
                t.plusSeconds(2),
                "Ballot counting continues in the election",
                "Officials expect the final election count tomorrow.")
            .memberOf("pg-s-first", MatchedBy.NEAR, 0.9);
    TestEvents third =
        english(
                "pg-s-third",
                t.plusSeconds(3),
                "Election count: ballots continue",
                "The elections office expects the final count tomorrow.")
            .memberOf("pg-s-first", MatchedBy.NEAR, 0.9);
    for (TestEvents e : List.of(first, second, third)) {
      store.upsert(e.build());
    }
    ItemFilter elections =
        new ItemFilter(List.of(), null, null, year(2205), year(2206), "elections");

    // The story's first member does not mention the word: its first member that does stands for it.
    assertThat(finder.page(new ItemQuery(elections, true, 50, null)).items())
        .extracting(Item::entryKey)
        .containsExactly("pg-s-second");
    assertThat(finder.page(new ItemQuery(elections, false, 50, null)).items())
        .extracting(Item::entryKey)
        .containsExactly("pg-s-third", "pg-s-second");
  }

  private static TestEvents english(String key, Instant published, String title, String summary) {
    TestEvents entry = TestEvents.entry().key(key).published(published).language("en");
    entry.title(title);
    entry.summary = summary;
    return entry;
  }

  @Test
  void pagesByKeysetWithCollapsedStories() {
    Instant t = year(2202);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(
          0,
          store.upsert(TestEvents.entry().published(t.plusSeconds(i)).key("pg-" + i).build())
                  == UpsertDecision.INSERT
              ? "pg-" + i
              : null);
    }
    store.upsert(
        TestEvents.entry()
            .published(t.plusSeconds(10))
            .memberOf("pg-2", MatchedBy.URL, 1.0)
            .key("pg-dup")
            .build());

    List<String> seen = new ArrayList<>();
    Page page = finder.page(new ItemQuery(window(2202), true, 2, null));
    seen.addAll(page.items().stream().map(Item::entryKey).toList());
    while (page.nextCursor() != null) {
      page = finder.page(new ItemQuery(window(2202), true, 2, Cursor.decode(page.nextCursor())));
      seen.addAll(page.items().stream().map(Item::entryKey).toList());
    }

    assertThat(seen).containsExactlyElementsOf(expected);
    Item story = finder.byKey("pg-2").orElseThrow();
    assertThat(story.alsoIn()).extracting(s -> s.entryKey()).containsExactly("pg-dup");
  }

  @Test
  void keysetQueryCanBeServedBySortIndex() {
    @SuppressWarnings("unchecked")
    List<String> plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // The table is tiny here, so force the planner to show which index fits.
                  em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                  em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
                  return em.createNativeQuery(
                          "explain select entry_key from item where sort_time <= ?1"
                              + " and (sort_time < ?1 or entry_key < ?2)"
                              + " order by sort_time desc, entry_key desc limit 51")
                      .setParameter(1, java.time.OffsetDateTime.parse("2202-06-01T00:00:00Z"))
                      .setParameter(2, "pg-3")
                      .getResultList();
                });

    // An index scan in key order: no separate sort step, and LIMIT stops it early.
    assertThat(String.join("\n", plan))
        .containsPattern("Index (Only )?Scan using item_sort_idx")
        .doesNotContain("Sort Key");
  }
}

package io.cleanwire.publisher.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.publisher.persistence.ItemEntity;
import io.cleanwire.publisher.persistence.ItemRepository;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Upserts over H2 and through the in-memory channel: idempotent, newest version wins. */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class ItemStoreTest {

  @Inject ItemStore store;
  @Inject ItemRepository items;
  @Inject @Any InMemoryConnector connector;

  private ItemEntity row(String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ItemEntity entity = items.findById(key);
              if (entity != null) {
                items.getEntityManager().detach(entity);
              }
              return entity;
            });
  }

  @Test
  void redeliveredEventChangesNothing() {
    EntryNormalizedEvent event = TestEvents.entry().build();
    assertThat(store.upsert(event)).isEqualTo(UpsertDecision.INSERT);
    ItemEntity before = row(event.entryKey());

    assertThat(store.upsert(event)).isEqualTo(UpsertDecision.SKIP);
    ItemEntity after = row(event.entryKey());

    assertThat(after.storedSeq).isEqualTo(before.storedSeq);
    assertThat(after.normalizedAt)
        .isEqualTo(before.normalizedAt)
        .isEqualTo(Instant.parse("2024-01-01T00:05:01.123456Z"));
    assertThat(after.changedAt).isEqualTo(before.changedAt);
    assertThat(
            QuarkusTransaction.requiringNew().call(() -> items.count("entryKey", event.entryKey())))
        .isEqualTo(1);
  }

  @Test
  void newerVersionReplacesAndALateOlderOneIsIgnored() {
    TestEvents v1 = TestEvents.entry().title("First title");
    store.upsert(v1.build());
    TestEvents v2 =
        TestEvents.entry()
            .key(v1.entryKey)
            .feed(v1.feedUrl, "Renamed feed")
            .title("Edited title")
            .normalized(v1.normalizedAt.plusSeconds(60));
    v2.language = "de";

    assertThat(store.upsert(v2.build())).isEqualTo(UpsertDecision.REPLACE);
    assertThat(store.upsert(v1.build())).isEqualTo(UpsertDecision.SKIP);

    given()
        .get("/api/v1/items/" + v1.entryKey)
        .then()
        .statusCode(200)
        .body("title", equalTo("Edited title"))
        .body("language", equalTo("de"))
        .body("feed.title", equalTo("Renamed feed"));
    assertThat(row(v1.entryKey).normalizedAt)
        .isEqualTo(v2.normalizedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void entryWithoutPublicationDateKeepsItsPlaceWhenFetchedAgain() {
    TestEvents v1 = TestEvents.entry().published(null);
    store.upsert(v1.build());
    TestEvents v2 =
        TestEvents.entry()
            .key(v1.entryKey)
            .feed(v1.feedUrl, v1.feedTitle)
            .published(null)
            .normalized(v1.normalizedAt.plusSeconds(3600));
    v2.fetchedAt = v1.fetchedAt.plusSeconds(3600);
    store.upsert(v2.build());

    assertThat(row(v1.entryKey).sortTime).isEqualTo(v1.fetchedAt);
  }

  @Test
  void storesEntriesArrivingOnTheChannelAndSkipsInvalidOnes() {
    EntryNormalizedEvent invalid = TestEvents.entry().key(null).build();
    EntryNormalizedEvent good = TestEvents.entry().build();

    connector.source("normalized-entries").send(invalid);
    connector.source("normalized-entries").send(good);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> given().get("/api/v1/items/" + good.entryKey()).then().statusCode(200));
  }

  @Test
  void refusesEventsThatCannotBeItems() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store.upsert(TestEvents.entry().key(" ").build()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("missing entryKey");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store.upsert(TestEvents.entry().feed(null, null).build()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("missing feed.url");
  }

  @Test
  void storesLanguageAsALowerCaseTagAndAnythingElseAsUnd() {
    TestEvents upper = TestEvents.entry().language(" DE ");
    TestEvents junk = TestEvents.entry().language("<script>");
    store.upsert(upper.build());
    store.upsert(junk.build());

    assertThat(row(upper.entryKey).language).isEqualTo("de");
    assertThat(row(junk.entryKey).language).isEqualTo("und");
  }
}

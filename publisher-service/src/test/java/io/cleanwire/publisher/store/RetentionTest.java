package io.cleanwire.publisher.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.support.ComponentProfile;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes every item older than the cutoff, in batches (size 2 in tests), and nothing
 * newer; a story whose first member expires is represented by the next one.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class RetentionTest {

  @Inject ItemStore store;
  @Inject Retention retention;
  @Inject ItemFinder finder;

  @Test
  void deletesOldItemsInBatchesAndKeepsNewerOnes() {
    Instant old = Instant.parse("1800-01-01T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      store.upsert(TestEvents.entry().published(old.plusSeconds(i)).key("old-" + i).build());
    }
    TestEvents keeper = TestEvents.entry().published(Instant.parse("1850-01-01T00:00:00Z"));
    keeper.memberOf("old-0", MatchedBy.URL, 1.0);
    store.upsert(keeper.build());

    long deleted = retention.purgeOlderThan(Instant.parse("1801-01-01T00:00:00Z"));

    assertThat(deleted).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(finder.byKey("old-" + i)).isEmpty();
    }
    assertThat(finder.byKey(keeper.entryKey)).isPresent();
    assertThat(finder.story("old-0").orElseThrow().representative().entryKey())
        .isEqualTo(keeper.entryKey);
    assertThat(retention.purgeOlderThan(Instant.parse("1801-01-01T00:00:00Z"))).isZero();
  }
}

package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.boilerplate.FeedLineStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learned per-feed boilerplate on the database (H2 here; the PostgreSQL test runs the same). */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class JdbcFeedLineStoreTest {

  @Inject JdbcFeedLineStore store;

  /** Observes {@code entries} entries of a feed, each with the common line and one of its own. */
  static void observeEntries(FeedLineStore store, String feed, int entries) {
    for (int i = 0; i < entries; i++) {
      store.observe(feed, "entry-" + i, List.of("common", "own-" + i));
    }
  }

  @Test
  void aLineInManyEntriesOfAFeedBecomesBoilerplate() {
    String feed = "https://feed.example/" + Events.unique();
    observeEntries(store, feed, 6);
    assertThat(store.boilerplate(feed, List.of("common", "own-1", "never")))
        .containsExactly("common");
    assertThat(store.boilerplate("https://other.example/" + Events.unique(), List.of("common")))
        .isEmpty();
  }

  @Test
  void nothingIsBoilerplateBeforeTheFeedHasEnoughEntries() {
    String feed = "https://feed.example/" + Events.unique();
    observeEntries(store, feed, 4);
    assertThat(store.boilerplate(feed, List.of("common"))).isEmpty();
  }

  @Test
  void aRedeliveredEntryIsNotCountedTwice() {
    String feed = "https://feed.example/" + Events.unique();
    for (int i = 0; i < 6; i++) {
      store.observe(feed, "same-entry", List.of("line"));
    }
    store.observe(feed, "other-entry", List.of("filler"));
    // Six observations of one entry count once for the line: 1 < min-entries (5).
    assertThat(store.boilerplate(feed, List.of("line"))).isEmpty();
  }
}

package io.cleanwire.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.fetcher.poll.FeedPoller;
import io.cleanwire.fetcher.poll.PollOutcome;
import io.cleanwire.fetcher.subscription.Subscriptions;
import io.cleanwire.testsupport.PostgresAvailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Flyway migration and the repositories on real PostgreSQL, not only on H2. */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class FeedRepositoryPostgresTest {

  @Inject Subscriptions subscriptions;
  @Inject FeedPoller poller;
  @Inject FeedRepository feeds;
  @Inject FeedPollStateRepository states;
  @Inject SeenEntryRepository seenEntries;
  @Inject FeedLeaseRepository leases;

  @Test
  void concurrentReplicasClaimDisjointFeedsWithSkipLocked() throws Exception {
    subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
    for (int i = 0; i < 30; i++) {
      subscriptions.subscribe("https://lease.example/" + i + ".xml", null);
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<List<Long>> claimer =
          () -> {
            String owner = Thread.currentThread().getName();
            List<Long> mine = new java.util.ArrayList<>();
            while (true) {
              Instant now = Instant.now();
              List<Long> batch =
                  QuarkusTransaction.requiringNew()
                      .call(() -> leases.claimDue(owner, now, now.plusSeconds(300), 4));
              if (batch.isEmpty()) {
                return mine;
              }
              mine.addAll(batch);
            }
          };
      java.util.concurrent.Future<List<Long>> a = pool.submit(claimer);
      java.util.concurrent.Future<List<Long>> b = pool.submit(claimer);

      List<Long> byA = a.get();
      List<Long> byB = b.get();
      assertThat(byA).doesNotContainAnyElementsOf(byB);
      assertThat(byA.size() + byB.size()).isEqualTo(30);
    } finally {
      pool.shutdownNow();
      subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
    }
  }

  @Test
  void storesFeedsStateAndSeenEntriesAndDeletesThemTogether() {
    try (FeedServer server = FeedServer.start(0)) {
      server.put(
          "/pg.xml",
          "application/rss+xml",
          ("<rss version=\"2.0\"><channel><title>PG</title><link>https://pg.example/</link>"
                  + "<description>d</description>"
                  + "<item><guid>pg-1</guid><title>Один</title></item>"
                  + "<item><guid>pg-2</guid><title>Two</title></item></channel></rss>")
              .getBytes(StandardCharsets.UTF_8));
      long id = subscriptions.subscribe(server.url("/pg.xml"), null).subscription().id();
      assertThat(
              QuarkusTransaction.requiringNew()
                  .call(() -> states.dueFeedIds(Instant.now().plusSeconds(1), 10)))
          .contains(id);

      PollOutcome outcome = poller.poll(id).orElseThrow();

      assertThat(outcome.entriesPublished()).isEqualTo(2);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                FeedPollState state = states.findById(id);
                assertThat(state.etag).startsWith("\"");
                assertThat(state.lastModified).endsWith("GMT");
                assertThat(state.entriesSeen).isEqualTo(2);
                assertThat(state.nextPollAt).isAfter(Instant.now());
                assertThat(feeds.findById(id).title).isEqualTo("PG");
                assertThat(seenEntries.findByKeys(id, List.of("nope")).keySet()).isEmpty();
                assertThat(seenEntries.countForFeed(id)).isEqualTo(2);
              });
      assertThat(
              QuarkusTransaction.requiringNew()
                  .call(() -> states.dueFeedIds(Instant.now().plusSeconds(1), 10)))
          .doesNotContain(id);

      assertThat(subscriptions.delete(id)).isTrue();

      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                assertThat(feeds.findById(id)).isNull();
                assertThat(states.findById(id)).isNull();
                assertThat(seenEntries.countForFeed(id)).isZero();
              });
    }
  }

  @Test
  void enforcesOneSubscriptionPerUrl() {
    String url = "https://unique.example/rss";
    Subscriptions.Subscribed first = subscriptions.subscribe(url, "a");
    Subscriptions.Subscribed second = subscriptions.subscribe(url, "b");
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.subscription().id()).isEqualTo(first.subscription().id());

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          Feed duplicate = new Feed();
                          duplicate.url = url;
                          duplicate.createdAt = Instant.now();
                          feeds.persistAndFlush(duplicate);
                        }))
        .hasStackTraceContaining("uk_feed_url");
  }
}

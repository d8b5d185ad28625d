package io.cleanwire.fetcher.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.fetcher.persistence.FeedLeaseRepository;
import io.cleanwire.fetcher.subscription.Subscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Two fetcher replicas on one database, each with its own name in the lease rows, claiming and
 * polling concurrently: every feed is polled, none twice in a round, and a dead replica's feeds
 * come back when its leases expire.
 */
@QuarkusTest
class TwoReplicasTest {

  static FeedServer server;

  @Inject Subscriptions subscriptions;
  @Inject PollScheduler scheduler;
  @Inject FeedLeaseRepository leases;

  @BeforeAll
  static void start() {
    server = FeedServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clean() {
    subscriptions.list().forEach(s -> subscriptions.delete(s.id()));
  }

  private List<String> subscribeFeeds(String prefix, int count) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path = "/" + prefix + "/" + i + ".xml";
      server.put(
          path,
          "application/rss+xml",
          ("<rss version=\"2.0\"><channel><title>"
                  + prefix
                  + i
                  + "</title><item><guid>"
                  + prefix
                  + i
                  + "</guid><title>t</title></item></channel></rss>")
              .getBytes(StandardCharsets.UTF_8));
      subscriptions.subscribe(server.url(path), null);
      paths.add(path);
    }
    return paths;
  }

  static final AtomicInteger rounds = new AtomicInteger();

  @RepeatedTest(3)
  void twoReplicasPollEveryFeedExactlyOnceInARound() throws Exception {
    List<String> paths = subscribeFeeds("round" + rounds.incrementAndGet(), 40);
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Callable<Integer> a = () -> awaitThen(go, () -> scheduler.pollDueFeedsAs("replica-a", 3));
      Callable<Integer> b = () -> awaitThen(go, () -> scheduler.pollDueFeedsAs("replica-b", 3));
      Future<Integer> polledByA = replicas.submit(a);
      Future<Integer> polledByB = replicas.submit(b);
      go.countDown();

      assertThat(polledByA.get() + polledByB.get()).isEqualTo(40);
    } finally {
      replicas.shutdownNow();
    }
    for (String path : paths) {
      assertThat(server.requests(path)).as(path).hasSize(1);
    }
    // A second round right away finds nothing due: nobody polls a feed twice.
    assertThat(scheduler.pollDueFeedsAs("replica-a") + scheduler.pollDueFeedsAs("replica-b"))
        .isZero();
  }

  @Test
  void aReplicaThatStartsTakesTheFeedsTheOtherHasNotClaimed() {
    List<String> paths = subscribeFeeds("share", 10);
    Instant now = Instant.now();
    List<Long> busy =
        QuarkusTransaction.requiringNew()
            .call(() -> leases.claimDue("replica-busy", now, now.plus(Duration.ofMinutes(5)), 4));

    int taken = scheduler.pollDueFeedsAs("replica-new");

    assertThat(busy).hasSize(4);
    assertThat(taken).isEqualTo(6);
    long untouched = paths.stream().filter(p -> server.requests(p).isEmpty()).count();
    assertThat(untouched).as("the busy replica's leased feeds are left alone").isEqualTo(4);
  }

  @Test
  void aDeadReplicasFeedsComeBackWhenItsLeaseExpires() {
    List<String> paths = subscribeFeeds("dead", 5);
    Instant now = Instant.now();
    List<Long> claimed =
        QuarkusTransaction.requiringNew()
            .call(() -> leases.claimDue("replica-dead", now, now.plusSeconds(1), 100));
    assertThat(claimed).hasSize(5);

    assertThat(scheduler.pollDueFeedsAs("replica-alive")).isZero();
    AtomicInteger polled = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> polled.addAndGet(scheduler.pollDueFeedsAs("replica-alive")) == 5);

    for (String path : paths) {
      assertThat(server.requests(path)).as(path).hasSize(1);
    }
  }

  @Test
  void aManualPollWaitsForTheReplicaThatHoldsTheFeed() {
    List<String> paths = subscribeFeeds("manual", 1);
    long id = subscriptions.list().get(0).id();
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew()
        .run(() -> leases.claimOne(id, "replica-other", now, now.plusSeconds(300)));

    io.restassured.RestAssured.given()
        .auth()
        .oauth2("test-admin-token")
        .post("/api/v1/feeds/" + id + "/poll")
        .then()
        .statusCode(409)
        .body(org.hamcrest.Matchers.containsString("another replica"));
    assertThat(server.requests(paths.get(0))).isEmpty();

    QuarkusTransaction.requiringNew().run(() -> leases.release(id, "replica-other"));
    io.restassured.RestAssured.given()
        .auth()
        .oauth2("test-admin-token")
        .post("/api/v1/feeds/" + id + "/poll")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("OK"));
  }

  private static int awaitThen(CountDownLatch go, Callable<Integer> work) throws Exception {
    go.await();
    return work.call();
  }
}

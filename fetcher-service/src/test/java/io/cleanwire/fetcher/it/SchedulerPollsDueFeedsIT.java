package io.cleanwire.fetcher.it;

import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.feed;
import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.rss;
import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.events.Topics;
import io.cleanwire.kafka.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaProfile.Scheduled.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true)
class SchedulerPollsDueFeedsIT {

  static FeedServer server;

  @BeforeAll
  static void startServer() {
    server = FeedServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void pollsANewlySubscribedFeedWithoutBeingAsked() {
    server.put("/scheduled.xml", "application/rss+xml", rss("s-1"));
    String feedUrl = server.url("/scheduled.xml");

    long id = subscribe(feedUrl);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(feed(id).getString("health.lastStatus")).isEqualTo("OK"));
    List<ConsumerRecord<String, EntryFetchedEvent>> records =
        TopicReader.read(Topics.ENTRY_FETCHED, r -> feedUrl.equals(r.value().feed().url()), 1);
    assertThat(records)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.key())
                    .isEqualTo(EntryKeys.of(feedUrl, "s-1", "https://site.example/s-1")));
    assertThat(feed(id).getString("health.nextPollAt"))
        .as("a healthy feed is next due one poll interval later")
        .isNotNull();
  }
}

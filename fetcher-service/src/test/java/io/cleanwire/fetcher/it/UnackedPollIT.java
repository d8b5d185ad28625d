package io.cleanwire.fetcher.it;

import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.feed;
import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.poll;
import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.rss;
import static io.cleanwire.fetcher.it.FetchedEntriesKafkaIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.kafka.KafkaBrokerTestResource;
import io.cleanwire.kafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker cannot ack while the channel's topic does not exist (auto-creation is off): the poll
 * fails, its state stays where it was, and once the topic exists the next poll re-sends it all.
 */
@QuarkusTest
@TestProfile(KafkaProfile.TopicCreatedLater.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true)
class UnackedPollIT {

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
  void keepsPollStateWhenKafkaDoesNotAckAndRepublishesOnTheNextPoll() {
    server.put("/unacked.xml", "application/rss+xml", rss("u-1", "u-2"));
    String feedUrl = server.url("/unacked.xml");
    long id = subscribe(feedUrl);

    JsonPath failed = poll(id);

    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(failed.getInt("entriesPublished")).isZero();
    assertThat(failed.getString("error")).containsIgnoringCase("kafka");
    JsonPath health = feed(id);
    assertThat(health.getString("health.lastStatus")).isEqualTo("FAILED");
    assertThat(health.getInt("health.entriesSeen")).isZero();
    assertThat(health.getInt("health.consecutiveFailures")).isEqualTo(1);

    LocalKafkaBroker.shared().createTopics(List.of(KafkaProfile.TopicCreatedLater.TOPIC));
    JsonPath retried = poll(id);

    Map<String, String> retryRequest = server.requests("/unacked.xml").get(1);
    assertThat(retryRequest)
        .as("the failed poll saved no ETag, so the retry fetches the whole feed again")
        .doesNotContainKeys("if-none-match", "if-modified-since");
    assertThat(retried.getString("status")).isEqualTo("OK");
    assertThat(retried.getInt("entriesPublished")).isEqualTo(2);
    List<ConsumerRecord<String, EntryFetchedEvent>> records =
        TopicReader.read(
            KafkaProfile.TopicCreatedLater.TOPIC, r -> feedUrl.equals(r.value().feed().url()), 2);
    assertThat(records).extracting(r -> r.value().guid()).contains("u-1", "u-2");
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().entryKey()));
    assertThat(feed(id).getInt("health.entriesSeen")).isEqualTo(2);
  }
}

package io.cleanwire.publisher.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.events.Topics;
import io.cleanwire.events.kafka.EventSerializer;
import io.cleanwire.kafka.KafkaBrokerTestResource;
import io.cleanwire.kafka.LocalKafkaBroker;
import io.cleanwire.publisher.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher against a real Kafka broker: records in, items out, poison to the DLQ. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true)
class NormalizedEntryListenerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaProducer<String, Object> events;
  private static KafkaProducer<String, byte[]> raw;

  @BeforeAll
  static void producers() {
    String servers = LocalKafkaBroker.shared().bootstrapServers();
    events =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new EventSerializer());
    raw =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void close() {
    events.close();
    raw.close();
  }

  private static void send(String key, EntryNormalizedEvent event) throws Exception {
    events.send(new ProducerRecord<>(Topics.ENTRY_NORMALIZED, key, event)).get();
  }

  @Test
  void eventsOnTheTopicArriveInTheApi() throws Exception {
    TestEvents first = TestEvents.entry().title("From Kafka");
    TestEvents second =
        TestEvents.entry()
            .feed(first.feedUrl, first.feedTitle)
            .published(first.publishedAt.plusSeconds(1));
    send(first.entryKey, first.build());
    send(second.entryKey, second.build());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        given()
                            .queryParam("feed", first.feedUrl)
                            .get("/api/v1/items")
                            .jsonPath()
                            .getList("items.entryKey", String.class))
                    .containsExactly(second.entryKey, first.entryKey));
    given().get("/api/v1/items/" + first.entryKey).then().statusCode(200);
  }

  @Test
  void aDuplicateDeliveryStaysOneItem() throws Exception {
    TestEvents entry = TestEvents.entry();
    EntryNormalizedEvent event = entry.build();
    send(entry.entryKey, event);
    send(entry.entryKey, event);
    // A marker behind the duplicates on the same partition: once it is stored, both were handled.
    TestEvents marker =
        TestEvents.entry()
            .key(entry.entryKey + "-m")
            .feed(entry.feedUrl, "m")
            .published(entry.publishedAt.minusSeconds(60));
    send(entry.entryKey, marker.build());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> given().get("/api/v1/items/" + marker.entryKey).then().statusCode(200));
    assertThat(
            given()
                .queryParam("feed", entry.feedUrl)
                .queryParam("collapse", "false")
                .get("/api/v1/items")
                .jsonPath()
                .getList("items.entryKey", String.class))
        .containsExactly(entry.entryKey, marker.entryKey);
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStored() throws Exception {
    String key = "poison-" + UUID.randomUUID();
    raw.send(
            new ProducerRecord<>(
                Topics.ENTRY_NORMALIZED, key, "{not json".getBytes(StandardCharsets.UTF_8)))
        .get();
    EntryNormalizedEvent noKey = TestEvents.entry().key(null).build();
    send(key, noKey);
    TestEvents good = TestEvents.entry();
    send(key, good.build());

    await()
        .atMost(WAIT)
        .untilAsserted(() -> given().get("/api/v1/items/" + good.entryKey).then().statusCode(200));

    List<ConsumerRecord<String, byte[]>> dead = readDeadLetters(key, 2);
    assertThat(dead).hasSize(2);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(header(dead.get(0), "dead-letter-reason")).contains("EntryNormalizedEvent");
    assertThat(header(dead.get(1), "dead-letter-reason")).contains("missing entryKey");
    assertThat(EventJson.read(dead.get(1).value(), EntryNormalizedEvent.class).eventId())
        .isEqualTo(noKey.eventId());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.ENTRY_NORMALIZED_DLQ));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }
}

package io.cleanwire.normalizer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Topics;
import io.cleanwire.kafka.KafkaBrokerTestResource;
import io.cleanwire.kafka.LocalKafkaBroker;
import io.cleanwire.normalizer.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
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

/** The normalizer against a real broker: keys, dead letters, redelivery. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true)
class NormalizerKafkaIT {

  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void producer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  private static void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENTRY_FETCHED, key, value)).get();
  }

  private static void send(EntryFetchedEvent event) throws Exception {
    send(event.entryKey(), EventJson.write(event));
  }

  /** Reads {@code topic} from the start until {@code done} holds for what was read. */
  private static List<ConsumerRecord<String, byte[]>> read(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!done.test(seen) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
      }
    }
    assertThat(done).as("expected records on %s", topic).accepts(seen);
    return seen;
  }

  private static List<EntryNormalizedEvent> normalized(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream()
        .filter(r -> key.equals(r.key()))
        .map(r -> EventJson.read(r.value(), EntryNormalizedEvent.class))
        .toList();
  }

  private static Predicate<List<ConsumerRecord<String, byte[]>>> has(String key, int count) {
    return records -> records.stream().filter(r -> key.equals(r.key())).count() >= count;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void normalizesAnEntryAndKeysItByEntryKey() throws Exception {
    String id = Events.unique();
    EntryFetchedEvent event =
        Events.fetched(
            "https://it.example/" + id, "g", "https://news.example/it-" + id + "?utm_medium=feed");
    send(event);

    List<ConsumerRecord<String, byte[]>> records =
        read(Topics.ENTRY_NORMALIZED, has(event.entryKey(), 1));
    EntryNormalizedEvent n = normalized(records, event.entryKey()).get(0);
    assertThat(n.canonicalUrl()).isEqualTo("https://news.example/it-" + id);
    assertThat(n.contentHtml()).doesNotContain("<script");
    assertThat(n.storyId()).isEqualTo(event.entryKey());
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextRecordFlows() throws Exception {
    String id = Events.unique();
    String garbageKey = "garbage-" + id;
    String keylessKey = "keyless-" + id;
    send(garbageKey, "{not json".getBytes(StandardCharsets.UTF_8));
    EntryFetchedEvent keyless =
        new EntryFetchedEvent(
            "e-" + id,
            null,
            null,
            Events.feed("https://it.example/" + id, "en"),
            null,
            null,
            "t",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    send(keylessKey, EventJson.write(keyless));
    EntryFetchedEvent next =
        Events.fetched("https://it.example/" + id, "next", "https://news.example/next-" + id);
    send(next);

    List<ConsumerRecord<String, byte[]>> dead =
        read(Topics.ENTRY_FETCHED_DLQ, has(garbageKey, 1).and(has(keylessKey, 1)));
    ConsumerRecord<String, byte[]> garbage =
        dead.stream().filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow();
    assertThat(header(garbage, "dead-letter-reason")).contains("EntryFetchedEvent");
    assertThat(header(garbage, "deserialization-failure-reason")).isNotBlank();
    // the dead letter keeps the bytes as received, so that it can be inspected and replayed
    assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    ConsumerRecord<String, byte[]> noKey =
        dead.stream().filter(r -> keylessKey.equals(r.key())).findFirst().orElseThrow();
    assertThat(header(noKey, "dead-letter-reason")).contains("no entryKey");
    assertThat(header(noKey, "dead-letter-exception-class-name")).endsWith("InvalidEntryException");

    assertThat(normalized(read(Topics.ENTRY_NORMALIZED, has(next.entryKey(), 1)), next.entryKey()))
        .hasSize(1);
    // dead-lettered once, by the listener, not a second time by the connector
    assertThat(
            read(Topics.ENTRY_FETCHED_DLQ, has(keylessKey, 1)).stream()
                .filter(r -> garbageKey.equals(r.key()) || keylessKey.equals(r.key())))
        .hasSize(2);
    assertThat(RestAssured.get("/q/metrics").asString())
        .contains("cleanwire_normalizer_dead_letters_total{reason=\"deserialization\"")
        .contains("cleanwire_normalizer_dead_letters_total{reason=\"InvalidEntryException\"");
  }

  @Test
  void publishesTheSizeOfItsInMemoryBandIndex() throws Exception {
    String id = Events.unique();
    EntryFetchedEvent story =
        Events.fetched(
            "https://band-" + id + ".example/feed",
            "band-" + id,
            "https://news.example/band-" + id,
            "North quay closed",
            "<p>The harbour authority closed the north quay on Tuesday after divers found cracks in"
                + " the pilings, and ferries to the islands now leave from the south quay. Case "
                + id
                + ".</p>");
    send(story);
    read(Topics.ENTRY_NORMALIZED, has(story.entryKey(), 1));
    String metrics = RestAssured.get("/q/metrics").asString();
    java.util.regex.Matcher keys =
        java.util.regex.Pattern.compile("cleanwire_normalizer_band_index_keys\\S* ([0-9.E]+)")
            .matcher(metrics);
    assertThat(keys.find()).as(metrics).isTrue();
    assertThat(Double.parseDouble(keys.group(1))).isGreaterThanOrEqualTo(14);
    assertThat(metrics).contains("cleanwire_normalizer_band_index_holders");
  }

  @Test
  void isReadyWhenConnectedToKafkaAndTheDatabase() {
    RestAssured.get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void aRedeliveredEventGetsTheIdenticalStoryDecision() throws Exception {
    String id = Events.unique();
    String link = "https://news.example/redelivered-" + id;
    EntryFetchedEvent first = Events.fetched("https://one.example/" + id, "a", link);
    EntryFetchedEvent duplicate =
        Events.fetched("https://two.example/" + id, "b", link + "?gclid=9");
    send(first);
    send(duplicate);
    read(Topics.ENTRY_NORMALIZED, has(duplicate.entryKey(), 1).and(has(first.entryKey(), 1)));
    send(duplicate);

    List<EntryNormalizedEvent> both =
        normalized(
            read(Topics.ENTRY_NORMALIZED, has(duplicate.entryKey(), 2)), duplicate.entryKey());
    assertThat(both).hasSize(2);
    for (EntryNormalizedEvent n : both) {
      assertThat(n.storyId()).isEqualTo(first.entryKey());
      assertThat(n.duplicateOf()).isEqualTo(first.entryKey());
      assertThat(n.matchedBy()).isEqualTo(MatchedBy.URL);
      assertThat(n.similarity()).isEqualTo(1.0);
    }
  }
}

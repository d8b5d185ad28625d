package io.cleanwire.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

  @Test
  void createsCleanwireTopicsWithTwelvePartitions() throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", LocalKafkaBroker.shared().bootstrapServers()))) {
      var topics =
          admin
              .describeTopics(List.of(Topics.ENTRY_FETCHED, Topics.ENTRY_NORMALIZED_DLQ))
              .allTopicNames()
              .get();
      assertThat(topics.get(Topics.ENTRY_FETCHED).partitions()).hasSize(12);
      assertThat(topics.get(Topics.ENTRY_NORMALIZED_DLQ).partitions()).hasSize(12);
    }
  }

  @Test
  void keepsRecordsAcrossARestartOfAPersistentBroker(@TempDir Path dir) {
    String topic = Topics.ENTRY_FETCHED;
    String key = UUID.randomUUID().toString();
    try (LocalKafkaBroker broker = LocalKafkaBroker.persistent(dir, 0, 1).start()) {
      produce(broker.bootstrapServers(), topic, key, "first life");
    }
    assertThat(Files.exists(dir.resolve("metadata"))).isTrue();
    try (LocalKafkaBroker broker = LocalKafkaBroker.persistent(dir, 0, 1).start()) {
      assertThat(consumeAll(broker.bootstrapServers(), topic))
          .extracting(ConsumerRecord::value)
          .containsExactly("first life");
    }
  }

  private static void produce(String bootstrap, String topic, String key, String value) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "acks",
            "all",
            "enable.idempotence",
            "true",
            "key.serializer",
            StringSerializer.class.getName(),
            "value.serializer",
            StringSerializer.class.getName());
    try (var producer = new KafkaProducer<String, String>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("produce failed", e);
    }
  }

  private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "group.id",
            "t-" + UUID.randomUUID(),
            "auto.offset.reset",
            "earliest",
            "key.deserializer",
            StringDeserializer.class.getName(),
            "value.deserializer",
            StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}

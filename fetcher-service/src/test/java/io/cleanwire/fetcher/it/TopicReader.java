package io.cleanwire.fetcher.it;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.kafka.EntryFetchedEventDeserializer;
import io.cleanwire.kafka.LocalKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, as any downstream service would.
 */
final class TopicReader {

  private TopicReader() {}

  /** Every record of the topic matching {@code filter}, once {@code expected} of them arrived. */
  static List<ConsumerRecord<String, EntryFetchedEvent>> read(
      String topic, Predicate<ConsumerRecord<String, EntryFetchedEvent>> filter, int expected) {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafkaBroker.shared().bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        EntryFetchedEventDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, EntryFetchedEvent>> matching = new ArrayList<>();
    try (KafkaConsumer<String, EntryFetchedEvent> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, EntryFetchedEvent> record :
            consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record)) {
            matching.add(record);
          }
        }
        boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
        if (matching.size() >= expected && atEnd) {
          break;
        }
        if (atEnd) {
          end.putAll(consumer.endOffsets(partitions));
        }
      }
    }
    return matching;
  }
}

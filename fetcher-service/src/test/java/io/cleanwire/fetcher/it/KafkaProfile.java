package io.cleanwire.fetcher.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/** Puts the outgoing channel back on the real Kafka connector (component tests use memory). */
public class KafkaProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>();
    config.put("mp.messaging.outgoing.fetched-entries.connector", "smallrye-kafka");
    config.putAll(extra());
    return config;
  }

  /** What a subclass changes on top of the real connector. */
  protected Map<String, String> extra() {
    return Map.of();
  }

  /** Sends to a topic that does not exist yet (auto-creation is off), failing fast. */
  public static class TopicCreatedLater extends KafkaProfile {
    public static final String TOPIC = "cleanwire.it.fetched-created-later";

    @Override
    protected Map<String, String> extra() {
      return Map.of(
          "mp.messaging.outgoing.fetched-entries.topic", TOPIC,
          "mp.messaging.outgoing.fetched-entries.max.block.ms", "1500",
          "mp.messaging.outgoing.fetched-entries.request.timeout.ms", "1000",
          "mp.messaging.outgoing.fetched-entries.delivery.timeout.ms", "3000",
          "cleanwire.fetcher.publish-timeout", "PT20S");
    }
  }

  /** Lets the scheduler poll due feeds on its own, every second. */
  public static class Scheduled extends KafkaProfile {
    @Override
    protected Map<String, String> extra() {
      return Map.of(
          "cleanwire.fetcher.scheduler-enabled", "true",
          "cleanwire.fetcher.scheduler-tick", "1s");
    }
  }
}

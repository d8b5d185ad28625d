package io.cleanwire.normalizer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Switches the Kafka channels to the in-memory connector for component tests only. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    Map<String, String> props = new HashMap<>();
    props.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("fetched-entries"));
    props.putAll(
        InMemoryConnector.switchOutgoingChannelsToInMemory("normalized-entries", "dead-letters"));
    return props;
  }

  @Override
  public void stop() {
    InMemoryConnector.clear();
  }
}

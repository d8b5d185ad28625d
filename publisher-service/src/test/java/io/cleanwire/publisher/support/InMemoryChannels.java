package io.cleanwire.publisher.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/**
 * Swaps the Kafka channel for the in-memory connector in component tests, so they need no broker;
 * integration tests ({@code *IT}) do not use it and reach the real broker.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory("normalized-entries"));
  }

  @Override
  public void stop() {
    InMemoryConnector.clear();
  }
}

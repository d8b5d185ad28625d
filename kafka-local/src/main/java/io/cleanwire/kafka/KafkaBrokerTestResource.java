package io.cleanwire.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that points the application under test at this JVM's real broker.
 *
 * <p>The broker is shared by every test of the JVM and stops when the JVM exits, so {@link #stop()}
 * does nothing.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", LocalKafkaBroker.shared().bootstrapServers());
  }

  @Override
  public void stop() {
    // shared across test classes; the JVM shutdown hook stops it
  }
}

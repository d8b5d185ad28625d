package io.cleanwire.publisher.persistence;

import io.cleanwire.publisher.support.InMemoryChannels;
import io.cleanwire.testsupport.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs the app on the real PostgreSQL at 127.0.0.1:5432 (schema {@code publisher}, recreated by
 * Flyway at start); the build-time {@code db-kind} is overridden here, which Quarkus honours
 * because each test profile is augmented anew.
 */
public class PostgresProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return PostgresTestDatabase.overrides("publisher");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(InMemoryChannels.class));
  }
}

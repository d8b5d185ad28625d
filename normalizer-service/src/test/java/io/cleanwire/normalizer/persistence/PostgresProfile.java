package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.InMemoryChannels;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the app on the real PostgreSQL at 127.0.0.1:5432, schema {@code normalizer}. */
public class PostgresProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.datasource.db-kind", "postgresql",
        "quarkus.datasource.jdbc.url",
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=normalizer",
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "",
        "quarkus.flyway.schemas", "normalizer",
        "quarkus.flyway.clean-at-start", "true",
        "quarkus.flyway.clean-disabled", "false");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(InMemoryChannels.class));
  }

  @Override
  public String getConfigProfile() {
    return "test";
  }
}

package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.InMemoryChannels;
import io.cleanwire.testsupport.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the app on the real PostgreSQL at 127.0.0.1:5432, schema {@code normalizer}. */
public class PostgresProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides =
        new java.util.HashMap<>(PostgresTestDatabase.overrides("normalizer"));
    // as the postgresql build profile sets it (application.properties)
    overrides.put(
        "quarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts", "true");
    return overrides;
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

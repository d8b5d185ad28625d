package io.cleanwire.fetcher.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the service on the real PostgreSQL at 127.0.0.1:5432, schema {@code fetcher}. */
public class PostgresProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.datasource.db-kind", "postgresql",
        "quarkus.datasource.jdbc.url",
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=fetcher",
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "",
        "quarkus.flyway.schemas", "fetcher",
        "quarkus.flyway.clean-at-start", "true",
        "quarkus.flyway.clean-disabled", "false");
  }
}

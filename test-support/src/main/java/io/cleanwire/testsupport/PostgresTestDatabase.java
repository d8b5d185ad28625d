package io.cleanwire.testsupport;

import java.util.Map;

/**
 * The real PostgreSQL the persistence tests use (127.0.0.1:5432, database {@code test}, trust
 * auth), one schema per service, cleaned and migrated when the test app starts.
 */
public final class PostgresTestDatabase {

  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;

  private PostgresTestDatabase() {}

  /**
   * Quarkus configuration overrides that rebuild the app under test for PostgreSQL (the build-time
   * {@code db-kind} included) and point it at {@code schema}.
   */
  public static Map<String, String> overrides(String schema) {
    return Map.of(
        "quarkus.datasource.db-kind", "postgresql",
        "quarkus.datasource.jdbc.url",
            "jdbc:postgresql://" + HOST + ":" + PORT + "/test?currentSchema=" + schema,
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "",
        "quarkus.flyway.schemas", schema,
        "quarkus.flyway.clean-at-start", "true",
        "quarkus.flyway.clean-disabled", "false");
  }
}

package io.cleanwire.fetcher.persistence;

import io.cleanwire.testsupport.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the service on the real PostgreSQL at 127.0.0.1:5432, schema {@code fetcher}. */
public class PostgresProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return PostgresTestDatabase.overrides("fetcher");
  }
}

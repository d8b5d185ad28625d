package io.cleanwire.fetcher.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the service as an operator would who forgot to set CLEANWIRE_ADMIN_TOKEN. */
public class NoAdminTokenProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("cleanwire.admin-token", "");
  }
}

package io.cleanwire.normalizer;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Profile of component tests: H2 in memory, channels in memory (no broker). */
public class ComponentProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(InMemoryChannels.class));
  }
}

package io.cleanwire.publisher.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The profile of every component test: H2 in memory, in-memory channel; one boot for all. */
public class ComponentProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(InMemoryChannels.class));
  }
}

package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ComponentProfile.class)
class JpaDedupStoreTest {

  @Inject JpaDedupStore store;

  static void assertOneStory(List<StoryDecision> decisions, List<String> keys) {
    List<StoryDecision> starters = decisions.stream().filter(StoryDecision::startsStory).toList();
    assertThat(starters).hasSize(1);
    String storyId = starters.get(0).storyId();
    assertThat(keys).contains(storyId);
    assertThat(decisions).extracting(StoryDecision::storyId).containsOnly(storyId);
    assertThat(decisions.stream().filter(d -> !d.startsStory()))
        .allSatisfy(
            d -> {
              assertThat(d.duplicateOf()).isEqualTo(storyId);
              assertThat(d.matchedBy()).isEqualTo(MatchedBy.URL);
            });
  }

  @RepeatedTest(3)
  void concurrentClaimsOfOneUrlMakeOneStory() throws Exception {
    StoryMatcher matcher = new StoryMatcher(store, 200);
    String url = "https://news.example/race-" + Events.unique();
    List<String> keys =
        IntStream.range(0, 6).mapToObj(i -> "race-" + i + "-" + Events.unique()).toList();

    List<StoryDecision> decisions = ConcurrentClaims.race(matcher, url, keys);

    assertOneStory(decisions, keys);
    // replay: the stored decisions come back unchanged
    for (int i = 0; i < keys.size(); i++) {
      assertThat(matcher.decide(new StoryMatcher.Candidate(keys.get(i), url, keys.get(i), 0)))
          .isEqualTo(decisions.get(i));
    }
  }

  @Test
  void aDecisionIsStoredOnceEvenWhenSavedTwice() {
    String key = "twice-" + Events.unique();
    StoryDecision first = store.saveDecision(key, StoryDecision.startsStory(key), null, null);
    StoryDecision second =
        store.saveDecision(key, StoryDecision.joins("other", MatchedBy.URL), null, null);
    assertThat(second).isEqualTo(first);
    assertThat(store.findDecision(key)).contains(first);
  }
}

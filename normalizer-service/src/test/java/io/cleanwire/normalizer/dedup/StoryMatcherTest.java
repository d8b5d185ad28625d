package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.MatchedBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoryMatcherTest {

  private final InMemoryDedupStore store = new InMemoryDedupStore();
  private final StoryMatcher matcher = new StoryMatcher(store, 10);

  private static StoryMatcher.Candidate entry(String key, String url, String fp, int length) {
    return new StoryMatcher.Candidate(key, url, fp, length);
  }

  @Test
  void theFirstEntryStartsItsStory() {
    assertThat(matcher.decide(entry("k1", "https://n.example/a", "f1", 100)))
        .isEqualTo(StoryDecision.startsStory("k1"));
  }

  @Test
  void aLaterEntryWithTheSameUrlJoinsTheStory() {
    matcher.decide(entry("k1", "https://n.example/a", "f1", 100));
    assertThat(matcher.decide(entry("k2", "https://n.example/a", "f2", 100)))
        .isEqualTo(new StoryDecision("k1", "k1", MatchedBy.URL, 1.0));
  }

  @Test
  void contentMatchJoinsAndLaterUrlMatchesFollowTheSameStory() {
    matcher.decide(entry("k1", "https://n.example/a", "same", 100));
    assertThat(matcher.decide(entry("k2", "https://other.example/b", "same", 100)))
        .isEqualTo(new StoryDecision("k1", "k1", MatchedBy.CONTENT, 1.0));
    // a third entry sharing k2's URL belongs to k1's story, not to k2
    assertThat(matcher.decide(entry("k3", "https://other.example/b", "x", 100)).storyId())
        .isEqualTo("k1");
  }

  @Test
  void shortTextNeverMatchesByContent() {
    matcher.decide(entry("k1", "https://n.example/a", "same", 3));
    assertThat(matcher.decide(entry("k2", "https://n.example/b", "same", 3)).startsStory())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://n.example/", "https://n.example"})
  void siteRootsNeverMatch(String root) {
    matcher.decide(entry("k1", root, "f1", 0));
    assertThat(matcher.decide(entry("k2", root, "f2", 0)).startsStory()).isTrue();
  }

  @Test
  void aStoredDecisionIsReplayedEvenIfTheEntryChanged() {
    StoryDecision first = matcher.decide(entry("k1", "https://n.example/a", "f1", 100));
    matcher.decide(entry("k0", "https://n.example/moved", "f0", 100));
    assertThat(matcher.decide(entry("k1", "https://n.example/moved", "f0", 100))).isEqualTo(first);
  }

  @Test
  void lookupRecordsNothing() {
    matcher.lookup(entry("k1", "https://n.example/a", "f1", 100));
    assertThat(store.findDecision("k1")).isEmpty();
    assertThat(store.findUrl("https://n.example/a")).isEmpty();
  }
}

package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Story decisions in batches on the embedded database (H2): races, replays, batch members. */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class JdbcStoryDeciderTest {

  @Inject AgroalDataSource dataSource;

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

  private static StoryMatcher.Candidate entry(String key, String url) {
    return new StoryMatcher.Candidate(key, url, key, 0);
  }

  @RepeatedTest(3)
  void concurrentClaimsOfOneUrlMakeOneStory() throws Exception {
    JdbcStoryDecider decider = new JdbcStoryDecider(dataSource, 200, null);
    String url = "https://news.example/race-" + Events.unique();
    List<String> keys =
        IntStream.range(0, 6).mapToObj(i -> "race-" + i + "-" + Events.unique()).toList();

    List<StoryDecision> decisions = ConcurrentClaims.race(decider, url, keys);

    assertOneStory(decisions, keys);
    // replay: the stored decisions come back unchanged
    for (int i = 0; i < keys.size(); i++) {
      assertThat(decider.decideAll(List.of(entry(keys.get(i), url))))
          .containsExactly(decisions.get(i));
    }
  }

  @Test
  void entriesOfOneBatchJoinEachOtherInOrder() {
    JdbcStoryDecider decider = new JdbcStoryDecider(dataSource, 200, null);
    String url = "https://news.example/batch-" + Events.unique();
    String first = "b1-" + Events.unique();
    String second = "b2-" + Events.unique();
    String other = "b3-" + Events.unique();

    List<StoryDecision> decisions =
        decider.decideAll(
            List.of(
                entry(first, url),
                entry(other, url + "-other"),
                entry(second, url),
                entry(first, url)));

    assertThat(decisions.get(0)).isEqualTo(StoryDecision.startsStory(first));
    assertThat(decisions.get(1)).isEqualTo(StoryDecision.startsStory(other));
    assertThat(decisions.get(2)).isEqualTo(StoryDecision.joins(first, MatchedBy.URL));
    // the same entry twice in one batch (a re-poll): the first decision, once
    assertThat(decisions.get(3)).isEqualTo(decisions.get(0));
    assertThat(decider.lookup(entry("b4-" + Events.unique(), url)))
        .isEqualTo(StoryDecision.joins(first, MatchedBy.URL));
  }

  /**
   * Two replicas deciding overlapping batches at the same time, in different orders: each URL is
   * one story, and both replicas publish the same decision for every entry.
   */
  @RepeatedTest(3)
  void concurrentOverlappingBatchesAgreeOnEveryStory() throws Exception {
    String run = Events.unique();
    List<StoryMatcher.Candidate> entries = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      entries.add(entry("ob-" + run + "-" + i, "https://news.example/ob-" + run + "/" + (i % 30)));
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Map<String, StoryDecision>>> replicas = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      List<StoryMatcher.Candidate> order = new ArrayList<>(entries);
      Collections.shuffle(order, new Random(r));
      int size = r == 0 ? 10 : 40;
      JdbcStoryDecider decider = new JdbcStoryDecider(dataSource, 200, null);
      replicas.add(
          pool.submit(
              () -> {
                start.await();
                Map<String, StoryDecision> out = new HashMap<>();
                for (int from = 0; from < order.size(); from += size) {
                  List<StoryMatcher.Candidate> batch =
                      order.subList(from, Math.min(order.size(), from + size));
                  List<StoryDecision> decided = decider.decideAll(batch);
                  for (int i = 0; i < batch.size(); i++) {
                    out.put(batch.get(i).entryKey(), decided.get(i));
                  }
                }
                return out;
              }));
    }
    Map<String, StoryDecision> a = replicas.get(0).get();
    Map<String, StoryDecision> b = replicas.get(1).get();
    pool.shutdown();

    assertThat(a).isEqualTo(b);
    Map<String, List<StoryDecision>> byUrl = new HashMap<>();
    for (StoryMatcher.Candidate e : entries) {
      byUrl.computeIfAbsent(e.canonicalUrl(), u -> new ArrayList<>()).add(a.get(e.entryKey()));
    }
    assertThat(byUrl).hasSize(30);
    byUrl.forEach(
        (url, decisions) ->
            assertOneStory(
                decisions,
                entries.stream()
                    .filter(e -> e.canonicalUrl().equals(url))
                    .map(StoryMatcher.Candidate::entryKey)
                    .toList()));
    assertThat(SharedDedupIndexTest.decisionRows(dataSource, "ob-" + run + "-")).isEqualTo(120);
  }
}

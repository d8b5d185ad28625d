package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Story clustering on the labelled corpus (9,619 entries in 14 languages): 500 duplicate groups of
 * every kind (re-post with a new guid, URL variants, wrappers and trailers, small edits, truncated
 * summaries, own permalinks; CJK and Thai copies among them) and at least 200 entries of every kind
 * of hard negative (same topic with a shared title prefix and background sentences, gallery items
 * with one caption, translations).
 */
class NearDuplicateCorpusTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void clustersTheCorpusWithPairwiseF1AboveNinetySevenPercentAndNoMergedHardNegative() {
    clustersInFileOrder("file order", DedupCorpus.load());
  }

  /**
   * What the issue asks of the corpus: 500 groups of every duplicate kind, 200 of every negative.
   */
  @Test
  void theCorpusHoldsFiveHundredGroupsOfEveryDuplicateKindAndTwoHundredOfEveryHardNegative() {
    Map<String, Set<String>> groups = new TreeMap<>();
    Map<String, Integer> entries = new TreeMap<>();
    for (DedupCorpus.Labelled l : DedupCorpus.load()) {
      groups.computeIfAbsent(l.kind(), k -> new HashSet<>()).add(l.group());
      entries.merge(l.kind(), 1, Integer::sum);
    }
    assertThat(groups.keySet())
        .containsExactlyInAnyOrder(
            "content",
            "url",
            "wrapper",
            "edit",
            "truncated",
            "permalink",
            "neg-topic",
            "neg-gallery",
            "neg-translation");
    groups.forEach(
        (kind, g) -> {
          if (kind.startsWith("neg-")) {
            assertThat(entries.get(kind)).as(kind).isGreaterThanOrEqualTo(200);
          } else {
            assertThat(g).as(kind).hasSizeGreaterThanOrEqualTo(500);
          }
        });
  }

  @Test
  void clustersNewsStoriesRepublishedTheWaySitesDoAndKeepsFollowUpsApart() {
    clustersInFileOrder("news publication order", DedupCorpus.load("/corpus/news-dedup.jsonl"));
  }

  /** Runs {@code corpus} as listed: pairwise F1 ≥ 0.97 and no merged hard negative. */
  private static void clustersInFileOrder(String order, List<DedupCorpus.Labelled> corpus) {
    Map<String, String> stories = run(corpus);
    DedupCorpus.Score score = DedupCorpus.score(corpus, stories);
    print(order, corpus, score);
    perKind(corpus, stories);
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.97);
    assertThat(score.mergedHardNegatives()).isZero();
  }

  /**
   * No arrival order may join entries of different stories. A story can still split in two when a
   * copy arrives before the entry that links it to the rest (matching is not transitive, and
   * stories are never merged afterwards), but a follow-up holding a story's opening bands no longer
   * hides the story from its truncated summary (band slots).
   */
  @Test
  void noArrivalOrderOfTheNewsStoriesJoinsDifferentStories() {
    List<DedupCorpus.Labelled> news = DedupCorpus.load("/corpus/news-dedup.jsonl");
    double worst = 1.0;
    double sum = 0;
    int orders = 20;
    for (int seed = 1; seed <= orders; seed++) {
      List<DedupCorpus.Labelled> shuffled = new ArrayList<>(news);
      Collections.shuffle(shuffled, new Random(seed));
      DedupCorpus.Score score = DedupCorpus.score(news, run(shuffled));
      assertThat(score.precision()).as("precision, order %d", seed).isEqualTo(1.0);
      assertThat(score.mergedHardNegatives()).as("merged, order %d", seed).isZero();
      worst = Math.min(worst, score.f1());
      sum += score.f1();
    }
    System.out.printf(
        "dedup-corpus news shuffled orders=%d precision=1.0000 f1 mean=%.4f worst=%.4f%n",
        orders, sum / orders, worst);
    assertThat(sum / orders).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void anotherArrivalOrderGivesTheSameStories() {
    List<DedupCorpus.Labelled> corpus = DedupCorpus.load();
    List<DedupCorpus.Labelled> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, new Random(42));
    Set<Set<String>> first = partition(run(corpus));
    Set<Set<String>> second = partition(run(shuffled));
    DedupCorpus.Score score = DedupCorpus.score(corpus, run(shuffled));
    print("shuffled order", corpus, score);
    Set<Set<String>> differing = new HashSet<>(first);
    differing.removeAll(second);
    System.out.println("dedup-corpus clusters differing between orders: " + differing.size());
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.97);
    assertThat(score.mergedHardNegatives()).isZero();
  }

  /**
   * The same-topic negatives as feeds often send them: the headline and a summary cut at 200 or 300
   * characters. Their shared background paragraph comes first, so the two summaries are mostly, or
   * wholly, the same text; only the headline after the series label ("Live: …") tells them apart.
   * Before headlines were compared, 22 of the 100 pairs merged at 200 characters.
   */
  @Test
  void sameTopicStoriesStaySeparateWhenOnlyTheirOpeningSummaryIsSent() {
    List<DedupCorpus.Labelled> topic =
        DedupCorpus.load().stream().filter(l -> l.kind().equals("neg-topic")).toList();
    for (int cut : new int[] {200, 300}) {
      List<DedupCorpus.Labelled> summaries = new ArrayList<>();
      for (DedupCorpus.Labelled l : topic) {
        summaries.add(DedupCorpus.asSummary(l, cut));
      }
      DedupCorpus.Score score = DedupCorpus.score(summaries, run(summaries));
      print("topic summaries cut at " + cut, summaries, score);
      assertThat(score.mergedHardNegatives()).as("merged pairs at %d characters", cut).isZero();
    }
  }

  static Map<String, String> run(List<DedupCorpus.Labelled> entries) {
    EntryNormalizer pipeline =
        DedupCorpus.pipeline(new InMemoryDedupStore(), new InMemoryNearIndex(), CLOCK);
    Map<String, String> storyOf = new HashMap<>();
    for (DedupCorpus.Labelled l : entries) {
      EntryNormalizedEvent out = pipeline.normalize(l.event());
      storyOf.put(out.entryKey(), out.storyId());
    }
    return storyOf;
  }

  private static Set<Set<String>> partition(Map<String, String> storyOf) {
    Map<String, Set<String>> byStory = new HashMap<>();
    storyOf.forEach((k, s) -> byStory.computeIfAbsent(s, x -> new HashSet<>()).add(k));
    return new HashSet<>(byStory.values());
  }

  private static void print(String order, List<DedupCorpus.Labelled> corpus, DedupCorpus.Score s) {
    long groups =
        corpus.stream().filter(l -> !l.hardNegative()).map(l -> l.group()).distinct().count();
    long negatives = corpus.stream().filter(l -> l.hardNegative()).count();
    System.out.printf(
        "dedup-corpus order=%s entries=%d duplicateGroups=%d hardNegativeEntries=%d stories=%d"
            + " precision=%.4f recall=%.4f f1=%.4f mergedHardNegativePairs=%d missedPairs=%d%n",
        order,
        corpus.size(),
        groups,
        negatives,
        s.stories(),
        s.precision(),
        s.recall(),
        s.f1(),
        s.mergedHardNegatives(),
        s.missedPairs());
  }

  private static void perKind(List<DedupCorpus.Labelled> corpus, Map<String, String> stories) {
    Map<String, List<DedupCorpus.Labelled>> byKind = new TreeMap<>();
    corpus.forEach(l -> byKind.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(l));
    byKind.forEach(
        (kind, list) -> {
          DedupCorpus.Score s = DedupCorpus.score(list, stories);
          System.out.printf(
              "  kind=%s entries=%d precision=%.4f recall=%.4f falsePairs=%d missedPairs=%d%n",
              kind, list.size(), s.precision(), s.recall(), s.falsePairs(), s.missedPairs());
        });
  }
}

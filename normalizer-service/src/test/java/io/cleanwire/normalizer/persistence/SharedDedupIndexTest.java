package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.dedup.Claim;
import io.cleanwire.normalizer.dedup.DedupCorpus;
import io.cleanwire.normalizer.dedup.DedupStore;
import io.cleanwire.normalizer.dedup.InMemoryDedupStore;
import io.cleanwire.normalizer.dedup.InMemoryNearIndex;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Three normalizer replicas (three pipelines, each with its own matcher, over the one shared
 * database) and a replica killed mid-stream then replayed: the stories are those of one
 * uninterrupted run, whatever the interleaving.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class SharedDedupIndexTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @Inject JpaDedupStore store;
  @Inject AgroalDataSource dataSource;

  /** Entries of near-duplicate groups, copies of each group next to each other. */
  private static List<DedupCorpus.Labelled> duplicates(String prefix, int groups) {
    Map<String, List<DedupCorpus.Labelled>> byGroup = new java.util.LinkedHashMap<>();
    for (DedupCorpus.Labelled l : DedupCorpus.load()) {
      if (Set.of("wrapper", "edit", "truncated", "permalink", "content").contains(l.kind())
          || l.kind().startsWith("neg-")) {
        byGroup.computeIfAbsent(l.group(), g -> new ArrayList<>()).add(l);
      }
    }
    List<DedupCorpus.Labelled> out = new ArrayList<>();
    byGroup.values().stream()
        .limit(groups)
        .forEach(list -> list.forEach(l -> out.add(DedupCorpus.withKeyPrefix(l, prefix))));
    return out;
  }

  @Test
  void threeReplicasReceivingTheSameDuplicatesConcurrentlyMakeOneStoryPerGroup() throws Exception {
    threeReplicasMakeOneStoryPerGroup(store, dataSource, "r3-" + Events.unique() + "-", 120);
  }

  /**
   * Three pipelines over one database, each receiving every entry (a redelivery storm after a
   * rebalance) in its own order, concurrently: every replica publishes the same decision for each
   * entry, one story per group, one decision row per entry.
   */
  static void threeReplicasMakeOneStoryPerGroup(
      DedupStore store, AgroalDataSource dataSource, String prefix, int groupCount)
      throws Exception {
    List<DedupCorpus.Labelled> entries = duplicates(prefix, groupCount);
    int replicas = 3;
    CyclicBarrier start = new CyclicBarrier(replicas);
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    List<Future<Map<String, EntryNormalizedEvent>>> results = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      List<DedupCorpus.Labelled> order = new ArrayList<>(entries);
      Collections.shuffle(order, new Random(r));
      EntryNormalizer replica = DedupCorpus.pipeline(store, new JdbcNearIndex(dataSource), CLOCK);
      Callable<Map<String, EntryNormalizedEvent>> work =
          () -> {
            start.await();
            Map<String, EntryNormalizedEvent> out = new HashMap<>();
            for (DedupCorpus.Labelled l : order) {
              out.put(l.event().entryKey(), replica.normalize(l.event()));
            }
            return out;
          };
      results.add(pool.submit(work));
    }
    List<Map<String, EntryNormalizedEvent>> outputs = new ArrayList<>();
    for (Future<Map<String, EntryNormalizedEvent>> f : results) {
      outputs.add(f.get());
    }
    pool.shutdown();

    for (DedupCorpus.Labelled l : entries) {
      String key = l.event().entryKey();
      Set<String> decisions = new HashSet<>();
      outputs.forEach(o -> decisions.add(o.get(key).storyId() + "|" + o.get(key).matchedBy()));
      assertThat(decisions).as(key).hasSize(1);
    }
    Map<String, String> storyOf = new HashMap<>();
    outputs.get(0).forEach((k, e) -> storyOf.put(k, e.storyId()));
    DedupCorpus.Score score = DedupCorpus.score(entries, storyOf);
    System.out.printf(
        "replicas=3 entries=%d stories=%d precision=%.4f recall=%.4f mergedHardNegativePairs=%d%n",
        entries.size(),
        score.stories(),
        score.precision(),
        score.recall(),
        score.mergedHardNegatives());
    long groups = entries.stream().map(DedupCorpus.Labelled::group).distinct().count();
    assertThat(score.stories()).isEqualTo(groups);
    assertThat(score.falsePairs()).isZero();
    assertThat(score.missedPairs()).isZero();
    assertThat(decisionRows(dataSource, prefix)).isEqualTo(entries.size());
  }

  @Test
  void replayingAfterAReplicaDiedMidStreamGivesTheSameStoriesAndNothingTwice() throws Exception {
    String prefix = "rp-" + Events.unique() + "-";
    List<DedupCorpus.Labelled> stream = new ArrayList<>(duplicates(prefix, 100));
    Collections.shuffle(stream, new Random(7));

    // the reference: one uninterrupted run on a fresh index
    EntryNormalizer reference =
        DedupCorpus.pipeline(new InMemoryDedupStore(), new InMemoryNearIndex(), CLOCK);
    Map<String, EntryNormalizedEvent> expected = new HashMap<>();
    for (DedupCorpus.Labelled l : stream) {
      expected.put(l.event().entryKey(), reference.normalize(l.event()));
    }

    // replica A dies in the middle of a near-duplicate past entry 150: its claims (moved to the
    // story), signature and bands are written, its decision is not, and nothing after it was read
    int killAt = 150;
    while (expected.get(stream.get(killAt).event().entryKey()).matchedBy()
        != io.cleanwire.events.MatchedBy.NEAR) {
      killAt++;
    }
    String victim = stream.get(killAt).event().entryKey();
    EntryNormalizer replicaA =
        DedupCorpus.pipeline(new DyingStore(store, victim), new JdbcNearIndex(dataSource), CLOCK);
    Map<String, EntryNormalizedEvent> beforeCrash = new HashMap<>();
    for (DedupCorpus.Labelled l : stream) {
      try {
        beforeCrash.put(l.event().entryKey(), replicaA.normalize(l.event()));
      } catch (Killed e) {
        break;
      }
    }
    assertThat(beforeCrash.size()).isEqualTo(killAt);

    // replica B starts (new matcher, same database) and replays the topic from the start
    EntryNormalizer replicaB = DedupCorpus.pipeline(store, new JdbcNearIndex(dataSource), CLOCK);
    Map<String, EntryNormalizedEvent> replayed = new HashMap<>();
    for (DedupCorpus.Labelled l : stream) {
      replayed.put(l.event().entryKey(), replicaB.normalize(l.event()));
    }

    for (DedupCorpus.Labelled l : stream) {
      String key = l.event().entryKey();
      EntryNormalizedEvent want = expected.get(key);
      EntryNormalizedEvent got = replayed.get(key);
      assertThat(got.storyId()).as(key).isEqualTo(want.storyId());
      assertThat(got.matchedBy()).as(key).isEqualTo(want.matchedBy());
      assertThat(got.similarity()).as(key).isEqualTo(want.similarity());
      if (beforeCrash.containsKey(key)) {
        assertThat(got.storyId()).isEqualTo(beforeCrash.get(key).storyId());
      }
    }
    assertThat(decisionRows(dataSource, prefix)).isEqualTo(stream.size());
    System.out.printf(
        "replay entries=%d killedAt=%d stories=%d (same as an uninterrupted run)%n",
        stream.size(),
        killAt,
        replayed.values().stream().map(EntryNormalizedEvent::storyId).distinct().count());
  }

  static long decisionRows(AgroalDataSource dataSource, String prefix) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM entry_decision WHERE entry_key LIKE ?")) {
      s.setString(1, prefix + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The process dying: thrown once, right after the victim's bands are claimed. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("killed", null, false, false);
    }
  }

  /** The shared store of a replica that dies just before it records the victim's decision. */
  private record DyingStore(DedupStore delegate, String victim) implements DedupStore {

    @Override
    public Optional<StoryDecision> findDecision(String entryKey) {
      return delegate.findDecision(entryKey);
    }

    @Override
    public StoryDecision saveDecision(
        String entryKey, StoryDecision decision, String canonicalUrl, String fingerprint) {
      if (entryKey.equals(victim)) {
        throw new Killed();
      }
      return delegate.saveDecision(entryKey, decision, canonicalUrl, fingerprint);
    }

    @Override
    public Optional<Claim> findUrl(String canonicalUrl) {
      return delegate.findUrl(canonicalUrl);
    }

    @Override
    public Claim claimUrl(String canonicalUrl, Claim claim) {
      return delegate.claimUrl(canonicalUrl, claim);
    }

    @Override
    public void moveUrlClaim(String canonicalUrl, String entryKey, String storyId) {
      delegate.moveUrlClaim(canonicalUrl, entryKey, storyId);
    }

    @Override
    public Optional<Claim> findContent(String fingerprint) {
      return delegate.findContent(fingerprint);
    }

    @Override
    public Claim claimContent(String fingerprint, Claim claim) {
      return delegate.claimContent(fingerprint, claim);
    }

    @Override
    public void moveContentClaim(String fingerprint, String entryKey, String storyId) {
      delegate.moveContentClaim(fingerprint, entryKey, storyId);
    }
  }
}

package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.dedup.DedupCorpus;
import io.cleanwire.normalizer.dedup.InMemoryDedupStore;
import io.cleanwire.normalizer.dedup.InMemoryNearIndex;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.StoryDecider;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Three normalizer replicas (three pipelines, each with its own decider, over the one shared
 * database, each deciding in batches of its own size) and a replica killed mid-batch then replayed:
 * the stories are those of one uninterrupted run, whatever the interleaving.
 */
@QuarkusTest
@TestProfile(ComponentProfile.class)
class SharedDedupIndexTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

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

  /**
   * One replica's pipeline over the shared database, as the service wires it: with its own
   * in-memory band index ({@code memory}), or with the database band table.
   */
  static EntryNormalizer replica(DataSource dataSource, boolean memory) {
    NearDuplicates near =
        new NearDuplicates(
            new JdbcNearIndex(dataSource), NearDuplicates.Settings.defaults(), CLOCK);
    return DedupCorpus.pipeline(decider(dataSource, near, memory), near, CLOCK);
  }

  static JdbcStoryDecider decider(DataSource dataSource, NearDuplicates near, boolean memory) {
    return new JdbcStoryDecider(dataSource, 200, near, memory ? new BandMirror(1_000) : null);
  }

  /** Normalizes {@code entries} in consecutive batches of {@code size}, as a consumer would. */
  static Map<String, EntryNormalizedEvent> inBatches(
      EntryNormalizer replica, List<DedupCorpus.Labelled> entries, int size) {
    Map<String, EntryNormalizedEvent> out = new HashMap<>();
    inBatches(replica, entries, size, out);
    return out;
  }

  /** As above, publishing into {@code out} batch after batch (what was sent before a crash). */
  static void inBatches(
      EntryNormalizer replica,
      List<DedupCorpus.Labelled> entries,
      int size,
      Map<String, EntryNormalizedEvent> out) {
    for (int from = 0; from < entries.size(); from += size) {
      List<DedupCorpus.Labelled> batch =
          entries.subList(from, Math.min(entries.size(), from + size));
      List<EntryNormalizer.Outcome> outcomes =
          replica.normalizeAll(batch.stream().map(DedupCorpus.Labelled::event).toList());
      for (EntryNormalizer.Outcome o : outcomes) {
        assertThat(o.failure()).isNull();
        out.put(o.normalized().entryKey(), o.normalized());
      }
    }
  }

  @Test
  void threeReplicasReceivingTheSameDuplicatesConcurrentlyMakeOneStoryPerGroup() throws Exception {
    threeReplicasMakeOneStoryPerGroup(dataSource, false, "r3-" + Events.unique() + "-", 120);
  }

  @Test
  void threeReplicasWithInMemoryBandIndexesMakeOneStoryPerGroup() throws Exception {
    threeReplicasMakeOneStoryPerGroup(FreshDatabase.h2(), true, "m3-", 120);
  }

  /**
   * Three pipelines over one database, each receiving every entry (a redelivery storm after a
   * rebalance) in its own order and its own batch size, concurrently: every replica publishes the
   * same decision for each entry, one story per group, one decision row per entry.
   */
  static void threeReplicasMakeOneStoryPerGroup(
      DataSource dataSource, boolean memory, String prefix, int groupCount) throws Exception {
    threeReplicasMakeOneStoryPerGroup(dataSource, memory, prefix, duplicates(prefix, groupCount));
  }

  /** As above for the given entries, which any arrival order must group the same way. */
  static void threeReplicasMakeOneStoryPerGroup(
      DataSource dataSource, boolean memory, String prefix, List<DedupCorpus.Labelled> entries)
      throws Exception {
    int[] batchSizes = {1, 7, 50};
    CyclicBarrier start = new CyclicBarrier(batchSizes.length);
    ExecutorService pool = Executors.newFixedThreadPool(batchSizes.length);
    List<Future<Map<String, EntryNormalizedEvent>>> results = new ArrayList<>();
    for (int r = 0; r < batchSizes.length; r++) {
      List<DedupCorpus.Labelled> order = new ArrayList<>(entries);
      Collections.shuffle(order, new Random(r));
      EntryNormalizer replica = replica(dataSource, memory);
      int size = batchSizes[r];
      Callable<Map<String, EntryNormalizedEvent>> work =
          () -> {
            start.await();
            return inBatches(replica, order, size);
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
  void seriesItemsWithOneSummaryStaySeparateThroughTheDatabase() {
    seriesItemsStaySeparate(dataSource, false, "series-" + Events.unique() + "-");
    seriesItemsStaySeparate(FreshDatabase.h2(), true, "series-" + Events.unique() + "-");
  }

  /**
   * Items of one series ("Live: …") whose summaries are the same background paragraph, one entry
   * per transaction: each verification reads the earlier items' headlines back from the database.
   */
  static void seriesItemsStaySeparate(DataSource dataSource, boolean memory, String prefix) {
    // every word and link of this run its own (other tests put the corpus in the same database)
    String hex = prefix.replaceAll("[^0-9a-f]", "");
    String salt = "x" + hex.substring(Math.max(0, hex.length() - 4));
    List<DedupCorpus.Labelled> entries = new ArrayList<>();
    for (DedupCorpus.Labelled l : DedupCorpus.load()) {
      if (l.kind().equals("neg-topic")) {
        DedupCorpus.Labelled summary =
            DedupCorpus.withKeyPrefix(DedupCorpus.asSummary(l, 200), prefix);
        io.cleanwire.events.EntryFetchedEvent e = summary.event();
        entries.add(
            DedupCorpus.changed(
                summary,
                e.entryKey(),
                e.link() + "/" + salt,
                e.title().replaceAll("(\\p{L}+)", "$1" + salt),
                "<p>"
                    + org.jsoup.Jsoup.parseBodyFragment(e.summaryHtml())
                        .text()
                        .replaceAll("(\\p{L}+)", "$1" + salt)
                    + "</p>",
                null));
      }
    }
    Map<String, String> storyOf = new HashMap<>();
    inBatches(replica(dataSource, memory), entries, 1)
        .forEach((k, e) -> storyOf.put(k, e.storyId()));
    DedupCorpus.Score score = DedupCorpus.score(entries, storyOf);
    assertThat(score.mergedHardNegatives()).isZero();
    assertThat(score.stories()).isEqualTo(entries.size());
  }

  /**
   * Follow-up stories that repeat a story's opening paragraph are decided first and hold its
   * opening bands; then three replicas receive the story's copies concurrently (the original, a
   * wire copy, an aggregator re-post and the feed's truncated summary): they meet in the bands'
   * next slots and make one story, whoever claims which slot first.
   */
  @Test
  void threeReplicasMeetPastFollowUpsThatHoldTheOpeningBands() throws Exception {
    threeReplicasMeetPastFollowUps(dataSource, false);
    threeReplicasMeetPastFollowUps(FreshDatabase.h2(), true);
  }

  static void threeReplicasMeetPastFollowUps(DataSource dataSource, boolean memory)
      throws Exception {
    String unique = Events.unique();
    String prefix = "slot-" + unique + "-";
    List<DedupCorpus.Labelled> news = DedupCorpus.load("/corpus/news-dedup.jsonl");
    Set<String> followed =
        news.stream()
            .filter(l -> l.group().endsWith("-follow"))
            .map(l -> l.group().substring(0, l.group().length() - "-follow".length()))
            .collect(java.util.stream.Collectors.toSet());
    List<DedupCorpus.Labelled> followUps =
        news.stream()
            .filter(l -> l.group().endsWith("-follow"))
            .map(l -> DedupCorpus.withKeyPrefix(l, "follow-" + unique + "-"))
            .toList();
    inBatches(replica(dataSource, memory), followUps, 1);
    List<DedupCorpus.Labelled> copies =
        news.stream()
            .filter(l -> followed.contains(l.group()))
            .filter(l -> Set.of("original", "wrapper", "truncated").contains(l.kind()))
            .map(l -> DedupCorpus.withKeyPrefix(l, prefix))
            .toList();
    assertThat(copies).hasSize(followed.size() * 4);
    threeReplicasMakeOneStoryPerGroup(dataSource, memory, prefix, copies);
  }

  @Test
  void replayingAfterAReplicaDiedMidBatchGivesTheSameStoriesAndNothingTwice() throws Exception {
    replayAfterACrash(dataSource, false);
  }

  /**
   * The same with in-memory band indexes: the replica that starts loads its index from the rows.
   */
  @Test
  void replayingWithInMemoryBandIndexesGivesTheSameStoriesAndNothingTwice() throws Exception {
    replayAfterACrash(FreshDatabase.h2(), true);
  }

  /**
   * An upgrade: the first half of a stream is decided with the database band table, the rest by a
   * replica with the in-memory index, which reads the band rows at load. Every story comes out as
   * in one uninterrupted run.
   */
  @Test
  void theMemoryIndexFindsStoriesThatTheBandTableIndexed() {
    DataSource db = FreshDatabase.h2();
    List<DedupCorpus.Labelled> stream = new ArrayList<>(duplicates("up-", 100));
    Collections.shuffle(stream, new Random(11));
    Map<String, EntryNormalizedEvent> expected = uninterrupted(stream);
    int half = stream.size() / 2;
    Map<String, EntryNormalizedEvent> got =
        new HashMap<>(inBatches(replica(db, false), stream.subList(0, half), 16));
    got.putAll(inBatches(replica(db, true), stream.subList(half, stream.size()), 16));
    long acrossTheUpgrade = 0;
    for (DedupCorpus.Labelled l : stream.subList(half, stream.size())) {
      String key = l.event().entryKey();
      assertThat(got.get(key).storyId()).as(key).isEqualTo(expected.get(key).storyId());
      assertThat(got.get(key).matchedBy()).as(key).isEqualTo(expected.get(key).matchedBy());
      if (got.get(key).matchedBy() == io.cleanwire.events.MatchedBy.NEAR
          && stream.subList(0, half).stream()
              .anyMatch(e -> e.event().entryKey().equals(got.get(key).duplicateOf()))) {
        acrossTheUpgrade++;
      }
    }
    // the test means something only if near matches reached back across the upgrade
    assertThat(acrossTheUpgrade).isPositive();
  }

  /** The reference: one uninterrupted run, entry by entry, on a fresh in-memory index. */
  private static Map<String, EntryNormalizedEvent> uninterrupted(
      List<DedupCorpus.Labelled> stream) {
    EntryNormalizer reference =
        DedupCorpus.pipeline(new InMemoryDedupStore(), new InMemoryNearIndex(), CLOCK);
    Map<String, EntryNormalizedEvent> expected = new HashMap<>();
    for (DedupCorpus.Labelled l : stream) {
      expected.put(l.event().entryKey(), reference.normalize(l.event()));
    }
    return expected;
  }

  static void replayAfterACrash(DataSource dataSource, boolean memory) throws Exception {
    String prefix = "rp-" + Events.unique() + "-";
    List<DedupCorpus.Labelled> stream = new ArrayList<>(duplicates(prefix, 100));
    Collections.shuffle(stream, new Random(7));

    Map<String, EntryNormalizedEvent> expected = uninterrupted(stream);

    // replica A dies inside the batch holding a near duplicate past entry 150: the batches before
    // it were committed, nothing of its own batch was
    int killAt = 150;
    while (expected.get(stream.get(killAt).event().entryKey()).matchedBy()
        != io.cleanwire.events.MatchedBy.NEAR) {
      killAt++;
    }
    String victim = stream.get(killAt).event().entryKey();
    NearDuplicates nearA =
        new NearDuplicates(
            new JdbcNearIndex(dataSource), NearDuplicates.Settings.defaults(), CLOCK);
    java.util.concurrent.atomic.AtomicBoolean armed =
        new java.util.concurrent.atomic.AtomicBoolean();
    StoryDecider dying =
        new DyingDecider(decider(diesOnCommit(dataSource, armed), nearA, memory), victim, armed);
    EntryNormalizer replicaA = DedupCorpus.pipeline(dying, nearA, CLOCK);
    int batch = 16;
    Map<String, EntryNormalizedEvent> beforeCrash = new HashMap<>();
    try {
      inBatches(replicaA, stream, batch, beforeCrash);
    } catch (Killed e) {
      // the process is gone
    }
    assertThat(beforeCrash.size()).isEqualTo(killAt / batch * batch);
    assertThat(decisionRows(dataSource, prefix)).isEqualTo(killAt / batch * batch);

    // replica B starts (new decider, same database) and replays the topic from the start
    Map<String, EntryNormalizedEvent> replayed = inBatches(replica(dataSource, memory), stream, 23);

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

  static long decisionRows(DataSource dataSource, String prefix) throws Exception {
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

  /** Connections whose commit kills the process while {@code armed}. */
  private static javax.sql.DataSource diesOnCommit(
      javax.sql.DataSource real, java.util.concurrent.atomic.AtomicBoolean armed) {
    return (javax.sql.DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            SharedDedupIndexTest.class.getClassLoader(),
            new Class<?>[] {javax.sql.DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection connection = (Connection) result;
              return java.lang.reflect.Proxy.newProxyInstance(
                  SharedDedupIndexTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit") && armed.get()) {
                      throw new Killed();
                    }
                    return invoke(connection, m, a);
                  });
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The process dying. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("killed", null, false, false);
    }
  }

  /**
   * A replica that dies while deciding the batch holding the victim: the whole batch was matched
   * and written in its transaction, and the process died before the commit.
   */
  private record DyingDecider(
      StoryDecider delegate, String victim, java.util.concurrent.atomic.AtomicBoolean armed)
      implements StoryDecider {

    @Override
    public List<StoryDecision> decideAll(List<StoryMatcher.Candidate> entries) {
      armed.set(entries.stream().anyMatch(e -> e.entryKey().equals(victim)));
      return delegate.decideAll(entries);
    }

    @Override
    public StoryDecision lookup(StoryMatcher.Candidate entry) {
      return delegate.lookup(entry);
    }
  }
}

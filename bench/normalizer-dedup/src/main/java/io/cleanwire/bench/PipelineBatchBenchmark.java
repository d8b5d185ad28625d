package io.cleanwire.bench;

import io.cleanwire.normalizer.dedup.ContentFingerprint;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.NearSignature;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.normalizer.language.FeedLanguageMix;
import io.cleanwire.normalizer.language.LanguageGuess;
import io.cleanwire.normalizer.language.LanguageHints;
import io.cleanwire.normalizer.language.TextLanguageDetector;
import io.cleanwire.normalizer.persistence.BandMirror;
import io.cleanwire.normalizer.persistence.JdbcNearIndex;
import io.cleanwire.normalizer.persistence.JdbcStoryDecider;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The normalizer's language + dedup work as the service does it: a batch of 250 entries (one Kafka
 * poll) of a title + ~300-character summary, each language-detected, fingerprinted and signed, then
 * {@link JdbcStoryDecider#decideAll} — URL claims, content claims, near-duplicate signatures, 14
 * LSH bands, verification and decisions — in one PostgreSQL transaction against an index pre-filled
 * with 1,000,000 stories. Every 4th entry re-syndicates an earlier one under another URL.
 *
 * <p>Besides JMH's entries/s (one benchmark thread, waiting on the database included), every
 * iteration prints the CPU the entries cost: this JVM's process CPU (all its threads: JIT and GC
 * too) and the PostgreSQL backend's CPU (from /proc), per entry, and the entries/s one core
 * sustains for both together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx600m", "-XX:+UseG1GC"})
@Threads(1)
public class PipelineBatchBenchmark {

  private static final int BATCH = 250;

  @Param({"1000000"})
  int stories;

  /**
   * Where each fifth of a story's text starts in the summary it is cut from: {@code word} (a word
   * picked by the story's hash) or {@code start} (the summary's beginning: the workload before
   * 2026-12-06, in which two stories of one language began alike one time in 60, so that about two
   * unrelated earlier stories per entry shared a lead band and were read and verified; news stories
   * rarely share their first ten words).
   */
  @Param({"word"})
  String fifthsFrom;

  /**
   * Where the band index is kept: {@code memory} (each replica's {@code BandMirror}, loaded from
   * the database at start, the service's default) or {@code database} (one {@code near_band} row
   * per band key).
   */
  @Param({"memory"})
  String bandIndex;

  /** The PostgreSQL database filled by {@code fill-index.sql}. */
  @Param({"jdbc:postgresql://127.0.0.1:5432/test?currentSchema=normalizer_bench"})
  String jdbcUrl;

  private DataSource pool;
  private TextLanguageDetector language;
  private NearDuplicates near;
  private JdbcStoryDecider decider;
  private final List<String[]> entries = new ArrayList<>();
  private final java.util.Map<String, List<String[]>> byLanguage = new java.util.HashMap<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** Stories of one run are new to the index whatever earlier runs wrote. */
  private long next = 1 + (System.currentTimeMillis() / 1000 % 100_000) * 1_000_000L;

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  /** Benchmark-thread CPU of this iteration: language + signing, and decideAll. */
  private long textCpu;

  private long decideCpu;

  /**
   * Wall time in decideAll: with the in-memory band index, how long batches hold the writers' lock,
   * which all replicas take in turn.
   */
  private long decideWall;

  private long joined;
  private int backendPid;

  private long iterationEntries;
  private long joinedAtStart;
  private long cpuAtStart;
  private long threadCpuAtStart;
  private long jitMsAtStart;
  private long gcMsAtStart;
  private long pgCpuAtStart;
  private long pgAllCpuAtStart;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    pool = LanguageAndDedupBenchmark.singleConnection(jdbcUrl);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), COUNT(*) FROM near_signature")) {
      rs.next();
      backendPid = rs.getInt(1);
      if (rs.getLong(2) < stories) {
        throw new IllegalStateException(
            "the index holds "
                + rs.getLong(2)
                + " stories: run psql -h 127.0.0.1 -U postgres -d test -f fill-index.sql first");
      }
    }
    language =
        new TextLanguageDetector(
            TextLanguageDetector.Settings.defaults(), new FeedLanguageMix(50_000, 20));
    language.warmUp();
    near =
        new NearDuplicates(
            new JdbcNearIndex(pool), NearDuplicates.Settings.defaults(), Clock.systemUTC());
    BandMirror mirror = null;
    if (bandIndex.equals("memory")) {
      // room for the index and what the run adds (~2 M keys), as a service sizes it for its window
      mirror = new BandMirror(stories * 14L * 13 / 10);
      long started = System.nanoTime();
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        mirror.load(c);
        c.rollback();
        c.setAutoCommit(true);
      }
      System.gc();
      long used =
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
      System.out.printf(
          "bench-load bandKeys=%d seconds=%.1f heapAfterGcMB=%d%n",
          mirror.size(), (System.nanoTime() - started) / 1e9, used);
    }
    decider = new JdbcStoryDecider(pool, 200, near, mirror);
    try (InputStream in = getClass().getResourceAsStream("/corpus/language-corpus.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", 3);
        if (f.length == 3 && f[1].equals("summary")) {
          String[] ts = f[2].split("\\\\n", 2);
          String summary = ts.length > 1 ? ts[1] : "";
          String[] entry = {f[0], ts[0], summary.substring(0, Math.min(300, summary.length()))};
          entries.add(entry);
          byLanguage.computeIfAbsent(f[0], k -> new ArrayList<>()).add(entry);
        }
      }
    }
  }

  /** One batch of 250 entries; JMH counts each entry as one operation. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object languageAndDedupBatch() {
    List<StoryMatcher.Candidate> batch = new ArrayList<>(BATCH);
    int languages = 0;
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < BATCH; i++) {
      long n = next++;
      // every 4th entry re-syndicates the one before it under another site's URL (same title,
      // language and text, and a trailer)
      long story = n % 4 == 0 ? n - 1 : n;
      String[] e = entries.get((int) (story % entries.size()));
      String body = (n % 4 == 0) ? text(e, story) + " Read more." : text(e, story);
      LanguageGuess guess =
          language.detect(e[1] + "\n" + body, new LanguageHints(null, null, "feed-" + (n % 1000)));
      languages += guess.language().length();
      String url = "https://site" + (n % 4) + ".example/" + run + "/" + n;
      NearSignature signature = near.sign(body, List.of());
      batch.add(
          new StoryMatcher.Candidate(
              "bench-" + run + "-" + n,
              url,
              ContentFingerprint.exact(e[1], body),
              body.length(),
              signature));
    }
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    long wall1 = System.nanoTime();
    List<StoryDecision> decisions = decider.decideAll(batch);
    decideWall += System.nanoTime() - wall1;
    textCpu += cpu1 - cpu0;
    decideCpu += THREADS.getCurrentThreadCpuTime() - cpu1;
    for (StoryDecision d : decisions) {
      if (!d.startsStory()) {
        joined++;
      }
    }
    iterationEntries += BATCH;
    return languages + decisions.size();
  }

  /**
   * A distinct ~300-character summary per story: five 60-character fifths of summaries of the same
   * language (~60 per language in the corpus), each picked by a hash of the story number and its
   * position and starting at a word the hash picks ({@link #fifthsFrom}), so that two new stories
   * share a fifth now and then but almost never enough to match.
   */
  private String text(String[] e, long story) {
    List<String[]> same = byLanguage.get(e[0]);
    StringBuilder out = new StringBuilder();
    for (int part = 0; part < 5; part++) {
      long h = (story * 0x9E3779B97F4A7C15L) ^ (part * 0xC2B2AE3D27D4EB4FL);
      h ^= h >>> 31;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
      String summary = same.get((int) Math.floorMod(h, (long) same.size()))[2];
      if (fifthsFrom.equals("word")) {
        // the summary turned around a word: "c d e … | a b"
        List<Integer> starts = new ArrayList<>();
        for (int i = summary.indexOf(' '); i >= 0; i = summary.indexOf(' ', i + 1)) {
          starts.add(i + 1);
        }
        if (!starts.isEmpty()) {
          int at = starts.get((int) Math.floorMod(h >>> 17, (long) starts.size()));
          summary = summary.substring(at) + " " + summary.substring(0, at);
        }
      }
      out.append(summary, 0, Math.min(60, summary.length())).append(' ');
    }
    return out.append('#').append(story).toString();
  }

  @Setup(Level.Iteration)
  public void startIteration() throws Exception {
    iterationEntries = 0;
    textCpu = 0;
    decideCpu = 0;
    decideWall = 0;
    joinedAtStart = joined;
    cpuAtStart = processCpuNanos();
    threadCpuAtStart = THREADS.getCurrentThreadCpuTime();
    jitMsAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    gcMsAtStart = gcMillis();
    pgCpuAtStart = backendCpuNanos();
    pgAllCpuAtStart = serverCpuNanos();
  }

  @TearDown(Level.Iteration)
  public void endIteration() throws Exception {
    double jvm = (processCpuNanos() - cpuAtStart) / 1000.0 / iterationEntries;
    double thread =
        (THREADS.getCurrentThreadCpuTime() - threadCpuAtStart) / 1000.0 / iterationEntries;
    double jit =
        (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMsAtStart)
            * 1000.0
            / iterationEntries;
    double gc = (gcMillis() - gcMsAtStart) * 1000.0 / iterationEntries;
    double backend = (backendCpuNanos() - pgCpuAtStart) / 1000.0 / iterationEntries;
    double pg = (serverCpuNanos() - pgAllCpuAtStart) / 1000.0 / iterationEntries;
    System.out.printf(
        "%nbench-cpu entries=%d jvmCpuUsPerEntry=%.1f (benchmarkThread=%.1f: language+signature"
            + " %.1f, decideAll %.1f; jit≈%.1f gc≈%.1f)"
            + " postgresCpuUsPerEntry=%.1f (backend=%.1f) entriesPerCoreSecond=%.0f"
            + " decideAllWallUsPerEntry=%.1f joinedAStory=%.1f%%%n",
        iterationEntries,
        jvm,
        thread,
        textCpu / 1000.0 / iterationEntries,
        decideCpu / 1000.0 / iterationEntries,
        jit,
        gc,
        pg,
        backend,
        1_000_000.0 / (jvm + pg),
        decideWall / 1000.0 / iterationEntries,
        100.0 * (joined - joinedAtStart) / iterationEntries);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        "%nbench-heap usedAfterGcMB=%d maxHeapMB=%d%n",
        used >> 20, Runtime.getRuntime().maxMemory() >> 20);
    pool.getConnection().unwrap(Connection.class).close();
  }

  private static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** utime + stime of the PostgreSQL backend serving our connection, from /proc. */
  private long backendCpuNanos() throws Exception {
    return cpuNanos(backendPid);
  }

  /**
   * utime + stime of every PostgreSQL process of the server (postmaster and its children): the
   * backend, and what our writes cost elsewhere (WAL writer, checkpointer, background writer,
   * autovacuum). On an otherwise idle server, all of it is the benchmark's.
   */
  private long serverCpuNanos() throws Exception {
    long sum = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
            sum += cpuNanos(Integer.parseInt(name));
          }
        } catch (java.io.IOException gone) {
          // the process ended between the listing and the read
        }
      }
    }
    return sum;
  }

  private static long cpuNanos(int pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 10_000_000L; // USER_HZ = 100
  }
}

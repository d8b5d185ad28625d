package io.cleanwire.bench;

import io.cleanwire.normalizer.dedup.ContentFingerprint;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.NearIndex;
import io.cleanwire.normalizer.dedup.NearSignature;
import io.cleanwire.normalizer.language.FeedLanguageMix;
import io.cleanwire.normalizer.language.LanguageGuess;
import io.cleanwire.normalizer.language.LanguageHints;
import io.cleanwire.normalizer.language.TextLanguageDetector;
import io.cleanwire.normalizer.persistence.JdbcNearIndex;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One normalizer core handling entries of a title + ~300-character summary: language detection,
 * exact fingerprint, near-duplicate signature, then the shared-index step (signature stored, 16 LSH
 * bands claimed, holders verified) against a PostgreSQL index pre-filled with 1,000,000 stories.
 * Prints the heap used after a full GC at the end of the trial.
 *
 * <p>Only {@link #languageAndDedup} needs the database ({@link SharedIndex}); {@link #languageOnly}
 * and {@link #languageAndSignatureOnly} run without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx600m", "-XX:+UseG1GC"})
@Threads(1)
public class LanguageAndDedupBenchmark {

  private TextLanguageDetector language;
  private NearDuplicates signer;
  private final List<String[]> entries = new ArrayList<>();
  private final AtomicLong next = new AtomicLong();

  /** The shared near-duplicate index on PostgreSQL, for {@link #languageAndDedup} only. */
  @State(Scope.Benchmark)
  public static class SharedIndex {

    @Param({"1000000"})
    int stories;

    /** The PostgreSQL database filled by {@code fill-index.sql}. */
    @Param({"jdbc:postgresql://127.0.0.1:5432/test?currentSchema=normalizer_bench"})
    String jdbcUrl;

    DataSource pool;
    NearDuplicates near;
    long matched;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      pool = singleConnection(jdbcUrl);
      checkIndex();
      near =
          new NearDuplicates(
              new JdbcNearIndex(pool), NearDuplicates.Settings.defaults(), Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      System.out.printf("%nbench-index indexStories=%d nearMatches=%d%n", countStories(), matched);
      pool.getConnection().unwrap(Connection.class).close();
    }

    private long countStories() throws Exception {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM near_signature")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /** The index must have been filled by fill-index.sql (server-side: seconds, not hours). */
    private void checkIndex() throws Exception {
      long have = countStories();
      if (have < stories) {
        throw new IllegalStateException(
            "the index holds "
                + have
                + " stories, not "
                + stories
                + ": run psql -h 127.0.0.1 -U postgres -d test -f fill-index.sql first");
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    language =
        new TextLanguageDetector(
            TextLanguageDetector.Settings.defaults(), new FeedLanguageMix(50_000, 20));
    language.warmUp();
    // signing never touches the index
    signer =
        new NearDuplicates(
            (NearIndex)
                Proxy.newProxyInstance(
                    NearIndex.class.getClassLoader(),
                    new Class<?>[] {NearIndex.class},
                    (proxy, method, args) -> {
                      throw new UnsupportedOperationException(method.getName());
                    }),
            NearDuplicates.Settings.defaults(),
            Clock.systemUTC());
    try (InputStream in = getClass().getResourceAsStream("/corpus/language-corpus.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", 3);
        if (f.length == 3 && f[1].equals("summary")) {
          String[] ts = f[2].split("\\\\n", 2);
          String summary = ts.length > 1 ? ts[1] : "";
          entries.add(
              new String[] {f[0], ts[0], summary.substring(0, Math.min(300, summary.length()))});
        }
      }
    }
  }

  /** One entry, as the pipeline handles it after text repair. */
  @Benchmark
  public Object languageAndDedup(SharedIndex index) {
    long n = next.incrementAndGet();
    String[] e = entries.get((int) (n % entries.size()));
    // every 4th entry re-syndicates an earlier one; the others are new stories
    String body =
        (n % 4 == 0)
            ? e[2] + " Read more."
            : e[2] + " #" + n + " " + Long.toHexString(n * 0x9E3779B97F4A7C15L);
    String key = "bench-" + System.nanoTime() + "-" + n;
    LanguageGuess guess =
        language.detect(e[1] + "\n" + body, new LanguageHints(null, null, "feed-" + (n % 1000)));
    String exact = ContentFingerprint.exact(e[1], body);
    NearSignature signature = index.near.sign(body, List.of());
    Optional<NearDuplicates.Match> match =
        signature == null ? Optional.empty() : index.near.claimAndMatch(key, signature);
    if (match.isPresent()) {
      index.matched++;
    }
    return guess.language().length() + exact.length() + (match.isPresent() ? 1 : 0);
  }

  /**
   * The CPU side alone (language, fingerprint, shingles, MinHash/LSH bands) without the database
   * round trips: what one core computes per entry.
   */
  @Benchmark
  public Object languageAndSignatureOnly() {
    long n = next.incrementAndGet();
    String[] e = entries.get((int) (n % entries.size()));
    String body = e[2] + " #" + n;
    LanguageGuess guess =
        language.detect(e[1] + "\n" + body, new LanguageHints(null, null, "feed-" + (n % 1000)));
    String exact = ContentFingerprint.exact(e[1], body);
    NearSignature signature = signer.sign(body, List.of());
    return guess.language().length() + exact.length() + (signature == null ? 0 : 1);
  }

  /** Language detection alone, on the same entries as {@link #languageAndSignatureOnly}. */
  @Benchmark
  public Object languageOnly() {
    long n = next.incrementAndGet();
    String[] e = entries.get((int) (n % entries.size()));
    String body = e[2] + " #" + n;
    LanguageGuess guess =
        language.detect(e[1] + "\n" + body, new LanguageHints(null, null, "feed-" + (n % 1000)));
    return guess.language().length() + guess.confidence();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        "%nbench-heap usedAfterGcMB=%d maxHeapMB=%d entries=%d%n",
        used >> 20, max >> 20, next.get());
  }

  /**
   * One pooled connection for the one benchmark thread (a normalizer core uses one pooled
   * connection at a time too); close() returns it instead of closing it.
   */
  static DataSource singleConnection(String url) throws Exception {
    Connection real = DriverManager.getConnection(url, "postgres", "");
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return kept;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}

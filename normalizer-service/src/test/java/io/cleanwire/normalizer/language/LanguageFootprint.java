package io.cleanwire.normalizer.language;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what issue 4 asks of language detection, outside JMH: CPU time per detection of a title
 * + 300-character summary (thread CPU time, so a busy machine does not inflate it), and the heap
 * used after every path ran on every corpus entry and a full GC. Run with {@code -Xmx600m}:
 *
 * <pre>
 * java -Xmx600m -cp target/test-classes:target/classes:$CLASSPATH \
 *     io.cleanwire.normalizer.language.LanguageFootprint [cpu-seconds]
 * </pre>
 */
public final class LanguageFootprint {

  private LanguageFootprint() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    List<String[]> rows = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                LanguageFootprint.class.getResourceAsStream("/corpus/language-corpus.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", 3);
        rows.add(new String[] {f[0], f[1], f[2].replace("\\n", "\n")});
        if (f[1].equals("summary")) {
          // the benchmark's entry: title + first 300 characters of the summary
          String[] ts = f[2].split("\\\\n", 2);
          String summary = ts.length > 1 ? ts[1] : "";
          entries.add(ts[0] + "\n" + summary.substring(0, Math.min(300, summary.length())));
        }
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    TextLanguageDetector detector =
        new TextLanguageDetector(
            TextLanguageDetector.Settings.defaults(), new FeedLanguageMix(50_000, 20));
    detector.warmUp();
    System.out.printf(
        "warm-up wallMs=%d cpuMs=%d%n",
        (System.nanoTime() - wall0) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);

    // every path on every language of the corpus: titles and summaries, with and without hints
    int right = 0;
    for (String[] row : rows) {
      for (LanguageHints hints :
          new LanguageHints[] {
            LanguageHints.NONE, new LanguageHints(row[0], row[0], "feed-" + row[0])
          }) {
        if (detector.detect(row[2], hints).language().equals(row[0])) {
          right++;
        }
      }
    }
    System.out.printf("exercised detections=%d right=%d%n", rows.size() * 2, right);

    // warm-up and measurement are bounded by this thread's CPU time, not the wall clock: on a
    // shared machine the wall clock would cut the JIT's warm-up short
    long sink = 0;
    long n = 0;
    long until = threads.getCurrentThreadCpuTime() + (long) (seconds * 1e9 / 2);
    while (threads.getCurrentThreadCpuTime() < until) {
      for (int i = 0; i < 1000; i++, n++) {
        sink += detector.detect(entries.get((int) (n % entries.size())), hint(n)).hashCode();
      }
    }
    n = 0;
    cpu0 = threads.getCurrentThreadCpuTime();
    wall0 = System.nanoTime();
    until = cpu0 + (long) (seconds * 1e9);
    while (threads.getCurrentThreadCpuTime() < until) {
      for (int i = 0; i < 1000; i++, n++) {
        sink += detector.detect(entries.get((int) (n % entries.size())), hint(n)).hashCode();
      }
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    System.out.printf(
        "title+300 detections=%d cpuMicrosPerDetection=%.1f wallMicrosPerDetection=%.1f"
            + " detectionsPerCpuSecond=%.0f (sink %d)%n",
        n, cpu / 1e3 / n, wall / 1e3 / n, n / (cpu / 1e9), sink & 1);

    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        "heap usedAfterGcMB=%d maxHeapMB=%d (detector reachable: %s)%n",
        used >> 20, Runtime.getRuntime().maxMemory() >> 20, detector != null);
  }

  private static LanguageHints hint(long n) {
    return new LanguageHints(null, null, "feed-" + (n % 1000));
  }
}

package io.cleanwire.bench.normalizer;

import io.cleanwire.normalizer.repair.TextRepair;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextPipeline;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Repair + sanitize throughput on a feed-like mix: entries of a title, a summary and HTML content,
 * 80% clean (English, French, German, Russian, Japanese, Arabic) and 20% broken (mojibake, double
 * mojibake, stripped hex escapes, nested entities). One operation processes the whole mix; MB/s =
 * ops/s x {@link #MIX_BYTES} / 1e6 (UTF-8 bytes of the inputs, printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RepairBenchmark {

  static final String[] CLEAN = {
    "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest",
    "Hours earlier, Kazakhstan President Kassym-Jomart Tokayev declared a state of emergency as"
        + " government buildings were attacked across the city of Almaty. Soon after, the"
        + " government of Prime Minister Askar Mamin announced its resignation.",
    "La réforme des retraites : le gouvernement prépare un nouveau texte après l’été, à Paris"
        + " comme en région, et les syndicats appellent à manifester.",
    "Die Bundesregierung plant für 2024 höhere Ausgaben für Straßen und Brücken – Kritiker"
        + " sprechen von „Flickschusterei“.",
    "Президент Казахстана объявил режим чрезвычайного положения в Алматы и Мангистауской области.",
    "東京で新しい展覧会が開幕、初日から多くの来場者が訪れた。",
    "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد المحلي خلال العام المقبل.",
    "The violent protests were sparked by a significant increase in fuel prices. The price of"
        + " liquefied gas doubled to 120 tenge ($0.27) per liter.",
  };

  /** UTF-8 bytes of one pass over the mix. */
  static long MIX_BYTES;

  private final List<String> titles = new ArrayList<>();
  private final List<String> summaries = new ArrayList<>();
  private final List<String> contents = new ArrayList<>();
  private final TextPipeline title = TextPipeline.title();
  private final TextPipeline summary = TextPipeline.summary();
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();
  private final TextRepair repair = new TextRepair();

  @Setup
  public void setup() {
    Charset cp1252 = Charset.forName("windows-1252");
    long bytes = 0;
    for (int i = 0; i < 50; i++) {
      String a = CLEAN[i % CLEAN.length];
      String b = CLEAN[(i + 3) % CLEAN.length];
      String c = CLEAN[(i + 5) % CLEAN.length];
      String t = a.length() > 90 ? a.substring(0, 90) : a;
      String s = b;
      String html =
          "<p>"
              + c
              + "</p><p>"
              + a
              + " <a href=\"/story/"
              + i
              + "\">more</a></p><figure><img src=\"https://img.example/"
              + i
              + ".jpg\" alt=\"photo\"><figcaption>"
              + t
              + "</figcaption></figure>";
      switch (i % 10) {
        case 7 -> t = new String(t.getBytes(StandardCharsets.UTF_8), cp1252);
        case 8 -> s = hexEscape(s);
        case 9 -> {
          html = new String(html.getBytes(StandardCharsets.UTF_8), cp1252);
          t = t.replace("’", "&amp;rsquo;").replace("é", "&amp;eacute;") + " &amp;amp; more";
        }
        default -> {}
      }
      titles.add(t);
      summaries.add(s);
      contents.add(html);
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
      bytes += s.getBytes(StandardCharsets.UTF_8).length;
      bytes += html.getBytes(StandardCharsets.UTF_8).length;
    }
    MIX_BYTES = bytes;
    System.out.println("\nmix: " + titles.size() + " entries, " + bytes + " UTF-8 bytes per op");
  }

  private static String hexEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (int cp : s.codePoints().toArray()) {
      if (cp < 0x80) {
        out.appendCodePoint(cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append(String.format("x%02x", b & 0xFF));
        }
      }
    }
    return out.toString();
  }

  /** Titles and summaries through their pipelines, content through the sanitizer with repair. */
  @Benchmark
  public void repairAndSanitize(Blackhole bh) {
    for (int i = 0; i < titles.size(); i++) {
      bh.consume(title.clean("title", titles.get(i)));
      bh.consume(summary.clean("summary", summaries.get(i)));
      bh.consume(
          sanitizer.sanitize(contents.get(i), "https://news.example/a/", new RepairLog("c")));
    }
  }

  /** Character repair alone (escapes, references, mojibake, C1) on the same inputs. */
  @Benchmark
  public void repairOnly(Blackhole bh) {
    for (int i = 0; i < titles.size(); i++) {
      bh.consume(repair.repair(titles.get(i)));
      bh.consume(repair.repair(summaries.get(i)));
      bh.consume(repair.repair(contents.get(i)));
    }
  }
}

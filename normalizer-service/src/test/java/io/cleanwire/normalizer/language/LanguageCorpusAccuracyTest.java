package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the labelled corpus ({@code corpus/language-corpus.tsv}, built from the Debian
 * gettext catalogs by {@code src/test/corpus/build_corpus.py}): real translated sentences in 39
 * languages, as titles alone and as title + summary, with no declaration (the hard case); and news
 * headlines ({@code corpus/news-headlines.tsv}, written for the project in 51 languages), the kind
 * of title a feed carries, which the software messages of the catalogs are not.
 */
class LanguageCorpusAccuracyTest {

  static TextLanguageDetector detector;
  static List<String[]> corpus = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    detector =
        new TextLanguageDetector(
            TextLanguageDetector.Settings.defaults(), new FeedLanguageMix(100, 20));
    for (String file : List.of("/corpus/language-corpus.tsv", "/corpus/news-headlines.tsv")) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  LanguageCorpusAccuracyTest.class.getResourceAsStream(file),
                  StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("#") && !line.isBlank()) {
            String[] f = line.split("\t", 3);
            f[2] = f[2].replace("\\n", "\n");
            corpus.add(f);
          }
        }
      }
    }
  }

  private static final java.util.Map<String, Double> FIGURES = new java.util.HashMap<>();

  /** Each figure is measured once per run (detection over 2,340 entries takes seconds). */
  private static synchronized double accuracy(String kind, boolean declared) {
    return FIGURES.computeIfAbsent(kind + declared, k -> measure(kind, declared));
  }

  @Test
  void detectsEntriesWithASummaryAtLeast99PercentOfTheTime() {
    assertThat(accuracy("summary", false)).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void detectsTitlesAloneAtLeast93PercentOfTheTime() {
    assertThat(accuracy("title", false)).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void detectsNewsHeadlinesAloneAtLeast93PercentOfTheTime() {
    assertThat(accuracy("headline", false)).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void aCorrectDeclarationLiftsTitlesFurther() {
    assertThat(accuracy("title", true)).isGreaterThanOrEqualTo(accuracy("title", false));
    assertThat(accuracy("headline", true)).isGreaterThanOrEqualTo(accuracy("headline", false));
  }

  private static double measure(String kind, boolean declared) {
    int total = 0;
    int right = 0;
    Map<String, int[]> perLanguage = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (String[] row : corpus) {
      if (!row[1].equals(kind)) {
        continue;
      }
      LanguageGuess guess =
          detector.detect(row[2], declared ? LanguageHints.declared(row[0]) : LanguageHints.NONE);
      total++;
      int[] stat = perLanguage.computeIfAbsent(row[0], k -> new int[2]);
      stat[1]++;
      if (guess.language().equals(row[0])) {
        right++;
        stat[0]++;
      } else if (misses.size() < 15) {
        misses.add(row[0] + "→" + guess.language() + " " + row[2].replace('\n', ' '));
      }
    }
    double accuracy = (double) right / total;
    StringBuilder weakest = new StringBuilder();
    perLanguage.forEach(
        (l, s) -> {
          if (s[0] < s[1]) {
            weakest.append(l).append('=').append(s[0]).append('/').append(s[1]).append(' ');
          }
        });
    System.out.printf(
        "language-corpus kind=%s declared=%s languages=%d entries=%d accuracy=%.4f misses: %s%n",
        kind, declared, perLanguage.size(), total, accuracy, weakest);
    misses.forEach(m -> System.out.println("  miss " + m));
    return accuracy;
  }
}

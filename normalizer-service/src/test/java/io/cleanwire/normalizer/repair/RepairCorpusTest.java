package io.cleanwire.normalizer.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.normalizer.text.TextPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The repair corpus ({@code corpus/repair-corpus.jsonl}, built by {@code
 * src/test/corpus/generate_corpus.py} from real translated sentences): broken cases must come back
 * exactly as the sentence they were made from, correct texts must come back unchanged. Prints the
 * figures per category.
 */
class RepairCorpusTest {

  private static final String CORPUS = "/corpus/repair-corpus.jsonl";

  record Case(String category, String lang, String input, String expected) {
    boolean correctText() {
      return category.startsWith("correct");
    }
  }

  static List<Case> load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    try (InputStream in = RepairCorpusTest.class.getResourceAsStream(CORPUS);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode n = json.readTree(line);
        cases.add(
            new Case(
                n.get("category").asText(),
                n.get("lang").asText(),
                n.get("input").asText(),
                n.get("expected").asText()));
      }
    }
    return cases;
  }

  @Test
  void repairsBrokenCasesExactlyAndLeavesCorrectTextAlone() throws IOException {
    List<Case> cases = load();
    TextPipeline title = TextPipeline.title();
    Map<String, int[]> perCategory = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int broken = 0;
    int repaired = 0;
    int correct = 0;
    int damaged = 0;
    for (Case c : cases) {
      String out = title.clean("title", c.input()).text();
      boolean ok = out.equals(c.expected());
      int[] counts = perCategory.computeIfAbsent(c.category(), k -> new int[2]);
      counts[0]++;
      if (ok) {
        counts[1]++;
      } else if (counts[0] - counts[1] <= 6) {
        failures.add(
            c.category()
                + "/"
                + c.lang()
                + ": "
                + c.input()
                + "\n   -> "
                + out
                + "\n   != "
                + c.expected());
      }
      if (c.correctText()) {
        correct++;
        damaged += ok ? 0 : 1;
      } else {
        broken++;
        repaired += ok ? 1 : 0;
      }
    }
    System.out.println("Repair corpus: " + cases.size() + " cases");
    perCategory.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT, "  %-26s %5d cases  %6.2f%% exact%n", k, v[0], 100.0 * v[1] / v[0]));
    double repairRate = 100.0 * repaired / broken;
    double damageRate = 100.0 * damaged / correct;
    System.out.printf(
        Locale.ROOT,
        "  broken: %d, repaired exactly %.2f%%; correct: %d, damaged %.3f%%%n",
        broken,
        repairRate,
        correct,
        damageRate);
    failures.forEach(f -> System.out.println("  MISS " + f));
    assertThat(correct).isGreaterThanOrEqualTo(700);
    assertThat(cases.size()).isGreaterThanOrEqualTo(2000);
    assertThat(repairRate).as("repaired exactly, %").isGreaterThanOrEqualTo(97.0);
    assertThat(damageRate).as("correct texts damaged, %").isLessThanOrEqualTo(0.1);
  }
}

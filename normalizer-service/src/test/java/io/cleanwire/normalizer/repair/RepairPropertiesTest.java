package io.cleanwire.normalizer.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.SimpleSteps;
import io.cleanwire.normalizer.text.TextPipeline;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of repair and sanitizing on random mixes of broken and correct fragments (fixed seeds,
 * so a failure is reproducible): never throws, idempotent, no XML-illegal character out, no script
 * or event-handler attribute out of the sanitizer.
 */
class RepairPropertiesTest {

  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static final String[] FRAGMENTS = {
    "café",
    "Ã©",
    "Ã",
    "Â",
    "â€™",
    "â€œ",
    "â€�",
    "Ã¢â‚¬â„¢",
    "ðŸ˜€",
    "ÐŸÑ€Ð¸",
    "rГ©gion",
    "√©",
    "├⌐",
    "fĂĽr",
    "xe2x80x99",
    "xc3xa9",
    "\\xe2\\x80\\x9c",
    "\\u2019",
    "\\ud83d\\ude00",
    "\\ud83d",
    "x86",
    "0xE280",
    "deadbeefxc3",
    "C:\\Users",
    "&amp;rsquo;",
    "&amp;amp;",
    "&Atilde;&copy;",
    "&lt;script&gt;",
    "&#0;",
    "&#xD800;",
    "&",
    ";",
    "#",
    "\u0093",
    "\u0081",
    "\u009d",
    "\uFFFD",
    "\u0000",
    "\u0007",
    "\uD800",
    "\uDC00",
    "\uFFFE",
    "\u202E",
    "\u200B",
    "\u00A0",
    " ",
    "  ",
    "\n",
    "SÃO",
    "CÂMARA",
    "JOSÉ’",
    "naïve",
    "Moscow′s",
    "Привет",
    "東京",
    "שלום",
    "👨‍👩‍👧",
    "√π",
    "x²",
    "<b>",
    "</b>",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "e\u0301",
    "Ж",
    "a",
    "The",
    "post",
    "shared this story",
    "Ã ",
    "invÃ lida",
    "Å",
    "×",
    "Ù",
    "Ø"
  };

  static Stream<Long> seeds() {
    return IntStream.range(0, 300).mapToObj(i -> 7919L * i + 13);
  }

  private static String randomText(long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(12);
    for (int i = 0; i < parts; i++) {
      String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
      switch (random.nextInt(8)) {
        case 0 -> out.append(new String(fragment.getBytes(StandardCharsets.UTF_8), CP1252));
        case 1 -> out.append(fragment.toUpperCase(java.util.Locale.ROOT));
        default -> out.append(fragment);
      }
      if (random.nextBoolean()) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void repairIsIdempotentAndNeverThrows(long seed) {
    String text = randomText(seed);
    TextRepair repair = new TextRepair();
    String[] once = new String[1];
    assertThatCode(() -> once[0] = repair.repair(text)).doesNotThrowAnyException();
    assertThat(repair.repair(once[0])).as("repair(repair(x)) for %s", text).isEqualTo(once[0]);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pipelinesEmitNoXmlIllegalCharacter(long seed) {
    String text = randomText(seed);
    String title = TextPipeline.title().clean("title", text).text();
    String summary = TextPipeline.summary().clean("summary", text).text();
    assertThat(title.codePoints().filter(SimpleSteps::isXmlIllegal).toArray()).isEmpty();
    assertThat(summary.codePoints().filter(SimpleSteps::isXmlIllegal).toArray()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sanitizerNeverEmitsScriptOrEventHandlers(long seed) {
    String html = "<p>" + randomText(seed) + "</p>" + randomText(seed + 1);
    HtmlSanitizer.Sanitized out =
        new HtmlSanitizer().sanitize(html, "https://news.example/a/", new RepairLog("c"));
    assertThat(out.html().toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
    for (Element el : Jsoup.parseBodyFragment(out.html()).body().getAllElements()) {
      for (Attribute attr : el.attributes()) {
        assertThat(attr.getKey().toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("on");
      }
    }
    assertThat(out.plainText().codePoints().filter(SimpleSteps::isXmlIllegal).toArray()).isEmpty();
  }
}

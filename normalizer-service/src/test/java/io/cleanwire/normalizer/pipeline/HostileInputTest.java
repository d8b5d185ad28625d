package io.cleanwire.normalizer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import io.cleanwire.normalizer.text.TextPipeline;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random mixes of hostile fragments: repair and sanitizer never throw and never emit a script. */
class HostileInputTest {

  private static final String[] FRAGMENTS = {
    "<",
    ">",
    "&",
    ";",
    "#",
    "x",
    "&#",
    "&#x",
    "&amp;",
    "&lt;",
    "script",
    "<script>",
    "</script>",
    "<scr",
    "ipt",
    "javascript:",
    "java\tscript:",
    "&#106;",
    "on",
    "onerror=",
    "=",
    "\"",
    "'",
    " ",
    "\n",
    "\u0000",
    "\uD800",
    "\u202E",
    "\u200B",
    "é",
    "e\u0301",
    "Ж",
    "東",
    "👨‍👩‍👧",
    "<a href=",
    "<img src=",
    "<svg",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<iframe",
    "<style>",
    "url(",
    "data:",
    "<p>",
    "</p>",
    "<b>",
    "/"
  };

  static Stream<String> inputs() {
    Random random = new Random(20220106L);
    return IntStream.range(0, 400)
        .mapToObj(
            i -> {
              StringBuilder sb = new StringBuilder();
              int n = 1 + random.nextInt(30);
              for (int j = 0; j < n; j++) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
              }
              return sb.toString();
            });
  }

  private final TextPipeline title = TextPipeline.title();
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @ParameterizedTest
  @MethodSource("inputs")
  void neverThrowsAndNeverEmitsScript(String input) {
    String text = title.clean("title", input).text();
    assertThat(text).doesNotContain("\u0000", "\u202E", "\u200B");

    String html = sanitizer.sanitize(input, "https://n.example/a").html();
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<script", "<iframe", "<style", "<svg");
    // "javascript:" may appear as text; it must never be an attribute value, nor any on* attribute
    for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      for (Attribute attr : el.attributes()) {
        String key = attr.getKey().toLowerCase(Locale.ROOT);
        assertThat(key).doesNotStartWith("on").isNotEqualTo("style");
        if (key.equals("href") || key.equals("src") || key.equals("cite")) {
          assertThat(attr.getValue()).matches("(?i)(https?|mailto):.*");
        }
      }
    }
  }
}

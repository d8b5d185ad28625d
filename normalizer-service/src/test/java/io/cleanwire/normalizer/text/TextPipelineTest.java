package io.cleanwire.normalizer.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.Repair;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextPipelineTest {

  private final TextPipeline title = TextPipeline.title();
  private final TextPipeline summary = TextPipeline.summary();
  private final TextPipeline label = TextPipeline.label();

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest",
        "Opinion: Kazakhstan unrest will curtail Moscow′s aggression | Opinion | DW",
        "The Guardian view on Kazakhstan’s unrest: danger ahead",
        "Philipp Böll über „Almaty“ — café, naïve, Ærø, Łódź",
        "Марк Шагал. «Русская свадьба». 1909 г.",
        "Yeni Akit: Казахстан признает Крым за военную помощь из России",
        "東京で新しい展覧会が開幕 — 北京时间 / 서울 뉴스",
        "שלום עולם: חדשות היום",
        "مرحبا بالعالم: أخبار اليوم",
        "Family: 👨‍👩‍👧 and flags 🇰🇿 and skin tone 👍🏽",
        "فارسی‌زبان (zero-width non-joiner kept)",
        "AT&T and Procter & Gamble",
        "Q&A: what &nbsp means without a semicolon",
        "?a=1&not=2&copy=3",
        "x<y and y>z is not markup",
        "5 < 6 > 4",
        "Prix : 20 €",
        "Ã is the first letter here",
        "100%"
      })
  void leavesCorrectTitlesAloneWithoutRecordingRepairs(String text) {
    TextPipeline.Cleaned cleaned = title.clean("title", text);
    assertThat(cleaned.text()).isEqualTo(text);
    assertThat(cleaned.repairs()).isEmpty();
  }

  static Stream<Arguments> brokenTitles() {
    return Stream.of(
        Arguments.of("Tom &amp; Jerry", "Tom & Jerry", List.of("html-entities")),
        Arguments.of("It&#8217;s here", "It’s here", List.of("html-entities")),
        Arguments.of("It&#x2019;s here", "It’s here", List.of("html-entities")),
        Arguments.of("&eacute;t&eacute;", "été", List.of("html-entities")),
        Arguments.of(
            "Escaped &lt;script&gt; stays text",
            "Escaped <script> stays text",
            List.of("html-entities")),
        Arguments.of(
            "double &amp;amp; decoded once", "double &amp; decoded once", List.of("html-entities")),
        Arguments.of("<b>Bold</b> news", "Bold news", List.of("html-to-text")),
        Arguments.of("<p>One</p><p>Two</p>", "One Two", List.of("html-to-text")),
        Arguments.of("A<br>B", "A B", List.of("html-to-text")),
        Arguments.of(
            "<em>Caf&eacute;</em> &amp; bar",
            "Café & bar",
            List.of("html-to-text", "html-entities")),
        Arguments.of("Hi<script>alert(1)</script> there", "Hi there", List.of("html-to-text")),
        Arguments.of("Caf\u0065\u0301", "Café", List.of("unicode-nfc")),
        Arguments.of("Bad\u0000byte\u0008s", "Badbytes", List.of("illegal-characters")),
        Arguments.of("Hidden\u200Bspace", "Hiddenspace", List.of("invisible-controls")),
        Arguments.of("evil\u202Egnp.exe", "evilgnp.exe", List.of("invisible-controls")),
        Arguments.of("\uFEFFBOM title", "BOM title", List.of("invisible-controls")),
        Arguments.of("  Too   many\t\nspaces  ", "Too many spaces", List.of("whitespace")),
        Arguments.of("Trailing no-break\u00A0", "Trailing no-break", List.of("whitespace")),
        Arguments.of(
            "&nbsp;Leading entity", "Leading entity", List.of("html-entities", "whitespace")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("brokenTitles")
  void repairsBrokenTitlesAndSaysHow(String input, String expected, List<String> kinds) {
    TextPipeline.Cleaned cleaned = title.clean("title", input);
    assertThat(cleaned.text()).isEqualTo(expected);
    assertThat(cleaned.repairs()).extracting(Repair::kind).containsExactlyElementsOf(kinds);
    assertThat(cleaned.repairs()).extracting(Repair::field).containsOnly("title");
  }

  static Stream<Arguments> summaries() {
    return Stream.of(
        Arguments.of(
            "<p>shared this story from Callie Patteson | New York Post.</p>",
            "shared this story from Callie Patteson | New York Post."),
        Arguments.of(
            "<p>First\nparagraph.</p><p>Second &amp; last.</p>",
            "First paragraph.\nSecond & last."),
        Arguments.of("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        Arguments.of("Plain text\n\n\nwith paragraphs", "Plain text\nwith paragraphs"),
        Arguments.of("<div>a<style>p{}</style><script>x()</script>b</div>", "ab"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("summaries")
  void turnsSummaryHtmlIntoParagraphsOfPlainText(String input, String expected) {
    assertThat(summary.clean("summary", input).text()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Callie Patteson", "Мировые новости", "<not a tag>", "R&D"})
  void leavesCorrectLabelsAlone(String text) {
    assertThat(label.clean("authors", text).repairs()).isEmpty();
    assertThat(label.clean("authors", text).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a<iframe>"})
  void neverLeavesATagInATitle(String text) {
    assertThat(title.clean("title", text).text()).doesNotContain("<script", "<img", "<iframe");
  }

  @org.junit.jupiter.api.Test
  void keepsNullAsNull() {
    assertThat(title.clean("title", null).text()).isNull();
    assertThat(title.clean("title", null).repairs()).isEmpty();
  }
}

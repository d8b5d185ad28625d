package io.cleanwire.normalizer.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.text.TextPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Boilerplate stripping on the aggregator page fixture, and per-feed learning. */
class BoilerplateTest {

  private static String fixture() throws IOException {
    try (InputStream in =
        BoilerplateTest.class.getResourceAsStream("/fixtures/aggregator-page.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Strips content HTML alone, with the bundled rules. */
  private static Boilerplate.Stripped stripContent(String html) {
    return Boilerplate.defaults().strip(null, null, null, html, false);
  }

  /** Stripping {@code html} changes nothing and records nothing. */
  private static void assertLeftAsItIs(String html) {
    Boilerplate.Stripped out = stripContent(html);
    assertThat(out.contentHtml()).isEqualTo(html);
    assertThat(out.repairs()).isEmpty();
  }

  private static String summaryOf(String text) {
    return TextPipeline.summary().clean("summary", text).text();
  }

  @Test
  void aggregatorPageArrivesWithoutWrappersPlayerTextOrEscapes() throws IOException {
    Boilerplate.Stripped out =
        Boilerplate.defaults().strip(null, null, summaryOf(fixture()), null, false);
    String text = out.summary();
    assertThat(text)
        .doesNotContain("shared this story")
        .doesNotContain("from Callie Patteson | New York Post.")
        .doesNotContain("first appeared on")
        .doesNotContain("seconds of 0 seconds")
        .doesNotContain("Press shift question mark")
        .doesNotContain("Increase Volume")
        .doesNotContain("Seek Forward")
        .doesNotContain("Captions On/Off")
        .doesNotContain("Fullscreen/Exit")
        .doesNotContain("View image on Twitter")
        .doesNotContain("Retweeted")
        .doesNotContain("xe2x80")
        .doesNotContain("xc2xa0")
        .contains("“We’re monitoring reports of protests in Kazakhstan.")
        .contains("calling rumors to the contrary “crazy Russian claims.”")
        .contains("Author: Philipp Böll")
        .contains("Opinion: Kazakhstan unrest will curtail Moscow′s aggression | Opinion | DW")
        .contains("threatened\u00A0—\u00A0leading")
        .contains("Марк Шагал. «Русская свадьба».");
    assertThat(text.split("In pictures: Kazakhstan protests escalate", -1)).hasSize(2);
    assertThat(text.split("DW correspondent Andrey Gurkov", -1)).hasSize(2);
    assertThat(out.repairs())
        .extracting(Repair::kind)
        .containsExactly(Boilerplate.KIND_RULE, Boilerplate.KIND_REPEATED);
  }

  @Test
  void removesBoilerplateParagraphsFromContentHtml() {
    String html =
        "<p>shared this story</p><p>from Callie Patteson | New York Post.</p>"
            + "<p>The story itself.</p><p>0 seconds of 0 secondsVolume 90%</p>"
            + "<p>The post A first appeared on B.</p>";
    Boilerplate.Stripped out = stripContent(html);
    assertThat(out.contentHtml()).isEqualTo("<p>The story itself.</p>");
    assertThat(out.repairs()).extracting(Repair::field).containsOnly("contentHtml");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        // a trailer after a break inside a paragraph
        "<p>The story itself.<br>The post A first appeared on B.</p>"
            + " | <p>The story itself.</p>",
        // a wrapper before it, two breaks between
        "<p>shared this story<br>from Callie Patteson, New York Post.<br><br>The story itself.</p>"
            + " | <p>The story itself.</p>",
        // text outside any block, broken by <br>
        "The story <b>itself</b>.<br><br>The post A first appeared on B. | The story <b>itself</b>.",
        // a paragraph of player text and a trailer line in the next one
        "<p>0 seconds of 0 secondsVolume 90%</p><p>The story.<br>Second line.<br>Seek Forward</p>"
            + " | <p>The story.<br>Second line.</p>",
      })
  void removesBoilerplateLinesBetweenBreaksFromContentHtml(String html, String expected) {
    Boilerplate.Stripped out = stripContent(html);
    assertThat(out.contentHtml()).isEqualTo(expected);
    assertThat(out.repairs())
        .extracting(Repair::field, Repair::kind)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("contentHtml", Boilerplate.KIND_RULE));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "submitted by /u/mapmaker_42 [link] [comments]",
        "[link] [comments]",
        "Why maps lie was originally published in Cartography Weekly on Medium, where people are"
            + " continuing the conversation by highlighting and responding to this story.",
        "Read more of this story at Slashdot.",
        "Article URL: https://example.org/maps",
        "Comments URL: https://news.ycombinator.com/item?id=1",
        "Points: 120",
        "# Comments: 45",
        "Continue reading →",
        "Continue reading “Why maps lie” →",
        "Share this:",
        "Like Loading…",
        "Share on Facebook",
      })
  void removesFootersThatFeedPlatformsAppend(String footer) {
    String html = "<p>Every map leaves something out.</p><p>" + footer + "</p>";
    Boilerplate.Stripped out = stripContent(html);
    assertThat(out.contentHtml()).isEqualTo("<p>Every map leaves something out.</p>");
    assertThat(out.repairs()).extracting(Repair::kind).containsExactly(Boilerplate.KIND_RULE);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "Questions submitted by readers are answered every Friday.",
        "Points: the council agreed on three of them.",
        "Continue reading the report, the minister told journalists.",
        "Share this: a story of two cities.",
        "The essay was originally published in Granta in 1998.",
      })
  void keepsStorySentencesThatOnlyLookLikeFooters(String sentence) {
    String html = "<p>Every map leaves something out.</p><p>" + sentence + "</p>";
    assertLeftAsItIs(html);
  }

  @Test
  void blankLinesSeparateParagraphsOfTextThatCameWithoutMarkup() {
    // an aggregator re-post whose paragraphs are plain text in one <p> (Yoast's footer wording)
    String html =
        "<p>Mia shared this story from Daily Wildfire.\n\nA wildfire forced 6,000 people to"
            + " flee.\nFirefighters said it was 10 percent contained.\n\nThe post Wildfire forces"
            + " thousands to flee appeared first on Daily Wildfire.</p>";
    Boilerplate.Stripped out = stripContent(html);
    assertThat(org.jsoup.Jsoup.parse(out.contentHtml()).text())
        .isEqualTo(
            "A wildfire forced 6,000 people to flee. Firefighters said it was 10 percent"
                + " contained.");
    assertThat(out.repairs())
        .extracting(Repair::field, Repair::kind, Repair::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "contentHtml",
                Boilerplate.KIND_RULE,
                "removed shared-this-story, first-appeared-on"));
    // the same text outside any block
    String bare = html.substring(3, html.length() - 4);
    assertThat(org.jsoup.Jsoup.parse(stripContent(bare).contentHtml()).text())
        .isEqualTo(
            "A wildfire forced 6,000 people to flee. Firefighters said it was 10 percent"
                + " contained.");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        // a single line break is not a paragraph: the wrapper words are part of a sentence
        "<p>Mia shared this story from Daily Wildfire.\nA wildfire forced people to flee.</p>",
        // a sentence of the story that names a source is not a wrapper
        "<p>Readers shared this story from our archive. It is back.\n\nA wildfire forced people"
            + " to flee.</p>",
        // preformatted text keeps every line
        "<pre>Mia shared this story from Daily Wildfire.\n\nA wildfire forced people to flee.</pre>",
        // nothing to remove: the markup comes back as it was
        "<p>A wildfire forced people to flee.\n\n  Firefighters said it was contained.\n\n</p>",
      })
  void leavesTextAloneWhenNoBlankLineSeparatesABoilerplateParagraph(String html) {
    assertLeftAsItIs(html);
  }

  @Test
  void linesBetweenBreaksThatAreNotBoilerplateStayAsTheyWereRefrainsToo() {
    String html =
        "<p>First line<br>Second line<br><br>Third, with <a href=\"https://x.example/\">a link</a>"
            + "</p>Loose text<br>more loose text<ul><li>one<br>two</li></ul>"
            + "<p>Let it be, let it be<br>Let it be, let it be<br>Whisper words of wisdom</p>";
    assertLeftAsItIs(html);
  }

  @Test
  void aSummaryThatIsOnlyAnAggregatorWrapperGoesAway() {
    Boilerplate.Stripped out =
        Boilerplate.defaults()
            .strip(
                null, null, "shared this story from Callie Patteson | New York Post.", null, false);
    assertThat(out.summary()).isNull();
    assertThat(out.repairs()).extracting(Repair::kind).containsExactly(Boilerplate.KIND_RULE);
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "Seek help early.\nThe volume of trade rose 90%.\nShe shared this story with us.";
    Boilerplate.Stripped out = Boilerplate.defaults().strip(null, null, text, null, false);
    assertThat(out.summary()).isEqualTo(text);
    assertThat(out.repairs()).isEmpty();
  }

  @Test
  void learnsLinesAFeedRepeatsInManyEntries() {
    CountingStore store = new CountingStore(3, 0.5);
    Boilerplate boilerplate =
        new Boilerplate(
            new LineFilter(BoilerplateRules.bundled(), new LineFilter.Repetition(160, 3)),
            store,
            new Boilerplate.Learning(true, 200));
    String feed = "https://blog.example/feed";
    List<String> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Boilerplate.Stripped out =
          boilerplate.strip(
              feed, "k" + i, "Shared Links - Audio Posts\nStory number " + i + ".", null, true);
      results.add(out.summary());
    }
    assertThat(results.get(0)).startsWith("Shared Links - Audio Posts");
    assertThat(results.get(4)).isEqualTo("Story number 4.");
    Boilerplate.Stripped other =
        boilerplate.strip(
            "https://other.example/feed", "o1", "Shared Links - Audio Posts\nHello.", null, true);
    assertThat(other.summary()).startsWith("Shared Links");
    Boilerplate.Stripped onlyLearned =
        boilerplate.strip(feed, "k9", "Shared Links - Audio Posts", null, true);
    assertThat(onlyLearned.summary()).isEqualTo("Shared Links - Audio Posts");
  }

  @Test
  void rulesFileFormatIsCheckedWithLineNumbers() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BoilerplateRules.parse(new StringReader("ok: fine\nbroken line\n"), "rules.txt"))
        .hasMessageContaining("rules.txt:2");
  }

  /** An in-memory store with the same counting rule as the database one. */
  static final class CountingStore implements FeedLineStore {
    private final int minEntries;
    private final double minShare;
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();

    CountingStore(int minEntries, double minShare) {
      this.minEntries = minEntries;
      this.minShare = minShare;
    }

    @Override
    public Set<String> boilerplate(String feedUrl, Collection<String> lineHashes) {
      int n = entries.getOrDefault(feedUrl, 0);
      Set<String> out = new HashSet<>();
      for (String h : lineHashes) {
        int s = seen.getOrDefault(feedUrl + h, 0);
        if (n >= minEntries && s >= minEntries && s >= minShare * n) {
          out.add(h);
        }
      }
      return out;
    }

    @Override
    public void observe(String feedUrl, String entryKey, Collection<String> lineHashes) {
      entries.merge(feedUrl, 1, Integer::sum);
      for (String h : lineHashes) {
        seen.merge(feedUrl + h, 1, Integer::sum);
      }
    }
  }
}

package io.cleanwire.normalizer.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

  private static final String BASE = "https://news.example/2022/01/story.html";
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;script:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>",
        "<p onmouseover=alert(1)>hover</p>",
        "<body onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example/\"><input name=q><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<script>alert(1)</script>-->",
        "<a href=\"https://ok.example/\"><script>alert(1)</script></a>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
        "<textarea><script>alert(1)</script></textarea>",
        "<template><script>alert(1)</script></template>",
        "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
        "\"><script>alert(1)</script>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
      })
  void noXssVectorSurvives(String html) {
    HtmlSanitizer.Sanitized out = sanitizer.sanitize(html, BASE);
    String lower = out.html().toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "javascript:", "vbscript:", "data:", "<iframe");
    assertThat(lower).doesNotContainPattern("\\son[a-z]+\\s*=");
    assertThat(lower).doesNotContain("<style", "<meta", "<base", "<link", "<form", "<object");
  }

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("<p>ok</p><script>alert(1)</script>", "<script>"),
        Arguments.of("<a href=\"javascript:alert(1)\">x</a>", "href=javascript:"),
        Arguments.of("<p onclick=\"x()\">x</p>", "onclick="),
        Arguments.of("<iframe src=\"https://e.example/\"></iframe>", "<iframe>"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("reports")
  void reportsWhatItRemoved(String html, String removed) {
    assertThat(sanitizer.sanitize(html, BASE).removed()).contains(removed);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "<p>Plain paragraph with <b>bold</b>, <em>em</em> and <code>code</code>.</p>",
        "<p>“We’re monitoring” — Марк Шагал, 東京, שלום, 👨‍👩‍👧</p>",
        "<ul><li>one</li><li>two</li></ul>",
        "<blockquote>quoted</blockquote>",
      })
  void leavesSafeHtmlAsItWas(String html) {
    HtmlSanitizer.Sanitized out = sanitizer.sanitize(html, BASE);
    assertThat(out.html()).isEqualTo(html);
    assertThat(out.removed()).isEmpty();
    assertThat(out.normalizedNfc()).isFalse();
  }

  @Test
  void dropsStylingHooksWithoutReportingThem() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize(
            "<section class=\"c\" id=\"i\" data-x=\"1\"><p class=\"lead\">t</p></section>", BASE);
    assertThat(out.html()).isEqualTo("<section><p>t</p></section>");
    assertThat(out.removed()).isEmpty();
  }

  @Test
  void makesRelativeUrlsAbsoluteAndLinksSafe() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize(
            "<a href=\"../other.html\">o</a><img src=\"/img/a.png\" alt=\"a\">"
                + "<a href=\"mailto:desk@news.example\">m</a>",
            BASE);
    assertThat(out.html())
        .contains("href=\"https://news.example/2022/other.html\"")
        .contains("src=\"https://news.example/img/a.png\"")
        .contains("href=\"mailto:desk@news.example\"")
        .contains("rel=\"noopener noreferrer\"")
        .contains("referrerpolicy=\"no-referrer\"");
  }

  @Test
  void dropsRelativeUrlsWhenThereIsNoBase() {
    assertThat(sanitizer.sanitize("<a href=\"/x\">x</a>", null).html())
        .isEqualTo("<a referrerpolicy=\"no-referrer\" rel=\"noopener noreferrer\">x</a>");
  }

  @Test
  void decodesReferencesIntoCharactersAndNormalizesText() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize("<p>Caf\u0065\u0301 &#8220;ok&#8221;</p>", BASE);
    assertThat(out.html()).isEqualTo("<p>Café “ok”</p>");
    assertThat(out.normalizedNfc()).isTrue();
  }

  @Test
  void contentOfOnlyUnsafeElementsHasNothingVisible() {
    assertThat(sanitizer.sanitize("<script>alert(1)</script>", BASE).hasVisibleContent()).isFalse();
    assertThat(
            sanitizer.sanitize("<img src=\"https://e.example/a.png\">", BASE).hasVisibleContent())
        .isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "<img src=\"http://feeds.feedburner.com/~r/Example/~4/aBc123\" height=\"1\" width=\"1\""
            + " alt=\"\"/>",
        "<img src=\"https://feeds.feedburner.com/~r/Example/~4/aBc123\">",
        "<a href=\"http://feeds.feedburner.com/~ff/Example?a=x:yIl2AUoC8zA\"><img"
            + " src=\"http://feeds.feedburner.com/~ff/Example?d=yIl2AUoC8zA\" border=\"0\"></a>",
        "<img alt=\"\" border=\"0\" src=\"https://pixel.wp.com/b.gif?host=example.com&blog=1&post=2\""
            + " width=\"1\" height=\"1\" />",
        "<a rel=\"nofollow\" href=\"http://feeds.wordpress.com/1.0/gocomments/example.wordpress.com/9/\">"
            + "<img alt=\"\" border=\"0\""
            + " src=\"http://feeds.wordpress.com/1.0/comments/example.wordpress.com/9/\" /></a>",
        "<img src=\"https://news.example/spacer.gif\" width=\"1px\" height=\"40\">",
        "<img src=\"https://news.example/t.gif\" height=\"0\" width=\"0\">"
      })
  void removesTrackingPixelsAndSaysSo(String pixel) {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize("<p>Story text.</p>" + pixel + "<p>More.</p>", BASE);
    assertThat(out.html()).isEqualTo("<p>Story text.</p><p>More.</p>");
    assertThat(out.images()).isEmpty();
    assertThat(out.removed()).contains("1 tracking pixel");
  }

  @Test
  void keepsPicturesAndListsThem() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize(
            "<p><img src=\"/img/harbour.jpg\" width=\"640\" height=\"100\">"
                + "<a href=\"https://news.example/big.jpg\"><img src=\"/img/small.jpg\"></a>"
                + "<img src=\"https://cdn.example/10x1.png\" width=\"10\" height=\"11\">"
                + "<img src=\"/img/harbour.jpg\"></p>",
            BASE);
    assertThat(out.images())
        .containsExactly(
            "https://news.example/img/harbour.jpg",
            "https://news.example/img/small.jpg",
            "https://cdn.example/10x1.png");
    assertThat(out.removed()).isEmpty();
    assertThat(out.html()).contains("href=\"https://news.example/big.jpg\"");
  }

  @Test
  void contentOfOnlyATrackingPixelHasNothingVisible() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize(
            "<img src=\"http://feeds.feedburner.com/~r/Example/~4/aBc123\" height=\"1\" width=\"1\">"
                + "<img src=\"https://stats.wp.com/b.gif\" width=\"2\" height=\"2\">",
            BASE);
    assertThat(out.hasVisibleContent()).isFalse();
    assertThat(out.removed()).contains("2 tracking pixels");
  }

  @Test
  void lazyLoadedImagesKeepTheirRealPicture() {
    HtmlSanitizer.Sanitized out =
        sanitizer.sanitize(
            "<img src=\"/img/placeholder.gif\" data-src=\"/img/harbour.jpg\" alt=\"Harbour\">"
                + "<img data-lazy-src=\"https://cdn.example/boats.jpg\">"
                + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\""
                + " data-original=\"https://cdn.example/ferry.jpg\">"
                + "<img src=\"https://cdn.example/plain.jpg\" data-src=\"data:image/gif;base64,R0=\">",
            BASE);
    assertThat(out.images())
        .containsExactly(
            "https://news.example/img/harbour.jpg",
            "https://cdn.example/boats.jpg",
            "https://cdn.example/ferry.jpg",
            "https://cdn.example/plain.jpg");
    assertThat(out.html()).doesNotContain("placeholder").doesNotContain("data-");
    assertThat(out.lazyImages()).isEqualTo(3);
  }
}

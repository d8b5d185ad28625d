package io.cleanwire.fetcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetDetectorTest {

  private static final String RUSSIAN =
      "Один из лидеров протеста в Казахстане оказал сопротивление при задержании";
  private static final String FRENCH =
      "Le président a déclaré à la presse que la réunion était reportée";

  private static byte[] feed(String text, String charset) {
    return ("<rss version=\"2.0\"><channel><title>t</title><item><title>"
            + text
            + "</title><description>"
            + text
            + "</description></item></channel></rss>")
        .getBytes(Charset.forName(charset));
  }

  @ParameterizedTest
  @CsvSource({"KOI8-R", "windows-1251"})
  void readsUndeclaredCyrillicFromTheBytesThemselves(String charset) {
    DecodedDocument decoded = CharsetDetector.decode(feed(RUSSIAN, charset), "application/xml");
    assertThat(decoded.usedCharset()).isEqualTo(charset);
    assertThat(decoded.text()).contains(RUSSIAN);
  }

  @ParameterizedTest
  @CsvSource({"windows-1252", "ISO-8859-1"})
  void readsUndeclaredAccentedLatinAsWindows1252(String charset) {
    DecodedDocument decoded = CharsetDetector.decode(feed(FRENCH, charset), null);
    assertThat(decoded.usedCharset()).isEqualTo("windows-1252");
    assertThat(decoded.text()).contains(FRENCH);
  }
}

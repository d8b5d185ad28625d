package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentFingerprintTest {

  @Test
  void isThirtyTwoHexCharactersOfSha256() {
    String fp = ContentFingerprint.exact("Title", "Body text");
    assertThat(fp).matches("[0-9a-f]{32}");
    assertThat(fp).isEqualTo(ContentFingerprint.sha256Hex("title\nbody text").substring(0, 32));
  }

  /** Fingerprints are stored: the folding must stay exactly what the regular expression did. */
  @Test
  void collapsesSpacesExactlyAsTheRegularExpressionDid() {
    String pieces =
        " \t\n\u000B\f\r\u00A0\u2028\u2029\u3000\u2009\u200B\u0085\u1680\u202Fab1éЖ中\uD83D\uDE00";
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int len = random.nextInt(12); len > 0; len--) {
        int at = random.nextInt(pieces.length());
        s.append(pieces.charAt(at));
      }
      String text = s.toString();
      assertThat(ContentFingerprint.collapseSpaces(text))
          .as("%s", text.chars().mapToObj(Integer::toHexString).toList())
          .isEqualTo(text.replaceAll("[\\s\\p{Z}]+", " "));
    }
  }

  @ParameterizedTest(name = "[{index}] {0} | {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Kazakhstan unrest | KAZAKHSTAN   UNREST",
        "Straße | STRASSE",
        "a b | a\u00A0b",
        "Марк Шагал | марк шагал",
      })
  void ignoresCaseAndWhitespace(String a, String b) {
    assertThat(ContentFingerprint.exact(a, "same body"))
        .isEqualTo(ContentFingerprint.exact(b, "same body"));
  }

  @Test
  void differentTextGivesDifferentFingerprints() {
    assertThat(ContentFingerprint.exact("Title", "Body one"))
        .isNotEqualTo(ContentFingerprint.exact("Title", "Body two"));
    assertThat(ContentFingerprint.exact("Title one", null))
        .isNotEqualTo(ContentFingerprint.exact("Title two", null));
  }
}

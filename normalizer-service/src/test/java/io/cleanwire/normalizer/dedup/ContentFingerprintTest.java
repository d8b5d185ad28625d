package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

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

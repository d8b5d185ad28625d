package io.cleanwire.normalizer.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.normalizer.text.RepairLog;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The forms of broken text named in the repair issue, and correct text that must stay. */
class TextRepairTest {

  private final TextRepair repair = new TextRepair();

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("cafÃ©", "café"),
        Arguments.of("Weâ€™re here", "We’re here"),
        Arguments.of("â€œquoteâ€� he said", "“quote” he said"),
        Arguments.of("mÃ¥ være", "må være"),
        Arguments.of("una entrada invÃ lida", "una entrada invàlida"),
        Arguments.of("rГ©gion", "région"),
        Arguments.of("fĂĽr alle", "für alle"),
        Arguments.of("f√ºr alle", "für alle"),
        Arguments.of("caf├⌐ au lait", "café au lait"),
        Arguments.of("Ã¢â‚¬â„¢", "’"),
        Arguments.of("donÃ¢â‚¬â„¢t", "don’t"),
        Arguments.of("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "Привет мир"),
        Arguments.of("РџСЂРёРІРµС‚ РјРёСЂ", "Привет мир"),
        Arguments.of("æ—¥æœ¬èªž", "日本語"),
        Arguments.of("ðŸ˜€ smile", "😀 smile"),
        Arguments.of("costsÂ 5 dollars", "costs\u00A05 dollars"),
        Arguments.of("\u0093quoted\u0094", "“quoted”"),
        Arguments.of("xe2x80x9cWexe2x80x99re", "“We’re"),
        Arguments.of("Philipp Bxc3xb6ll", "Philipp Böll"),
        Arguments.of("thatxc2xa0thousands", "that\u00A0thousands"),
        Arguments.of("Increase Volumexe2x86x91", "Increase Volume↑"),
        Arguments.of("it\\xe2\\x80\\x99s", "it’s"),
        Arguments.of("it\\u2019s \\ud83d\\ude00", "it’s 😀"),
        Arguments.of("Rock &amp;rsquo;n&amp;rsquo; roll", "Rock ’n’ roll"),
        Arguments.of("Don&amp;#039;t", "Don't"),
        Arguments.of("triple &amp;amp;eacute;", "triple é"),
        Arguments.of("Ã‰tÃ© 2021", "Été 2021"),
        Arguments.of("SÃ£o Paulo", "São Paulo"),
        Arguments.of("ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń"));
  }

  @ParameterizedTest
  @MethodSource("broken")
  void repairsBrokenText(String input, String expected) {
    RepairLog log = new RepairLog("title");
    assertThat(repair.apply(input, log)).isEqualTo(expected);
    assertThat(log.repairs()).isNotEmpty();
  }

  static Stream<String> correct() {
    return Stream.of(
        "SÃO PAULO",
        "CÂMARA DOS DEPUTADOS",
        "naïve café",
        "Moscow′s aggression",
        "JOSÉ’",
        "«CAFÉ»",
        "IRMÃ”",
        "Ã is the first letter",
        "x86 and deadbeefxc3 and 0xE280 and \\x41 and C:\\Users",
        "Привет мир, ПРІОРИТЕТ, Рёбра",
        "日本語のテキスト",
        "שלום עולם",
        "مرحبا بالعالم",
        "👨‍👩‍👧 family",
        "√π ≈ 1.77, x² + y² = z²",
        "Apple™ and Acme® © 2024, 40°C",
        "AT&T and &lt;b&gt; and &amp;",
        "l’été, Grüße, Straße, ÆØÅ æøå",
        "ŁÓDŹ KÓŁKO ŻÓŁW",
        "İSTANBUL ŞEHİR",
        "ĐẶNG VĂN LÂM đường phố");
  }

  @ParameterizedTest
  @MethodSource("correct")
  void leavesCorrectTextAlone(String text) {
    RepairLog log = new RepairLog("title");
    assertThat(repair.apply(text, log)).isEqualTo(text);
    assertThat(log.repairs()).isEmpty();
  }
}

package io.cleanwire.publisher.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** XML-illegal characters are removed and everything else, markup included, is kept. */
class XmlTextTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("tab\tnewline\ncr\r", "tab\tnewline\ncr\r"),
        Arguments.of("nul\u0000 bell\u0007 esc\u001B vt\u000B ff\u000C", "nul bell esc vt ff"),
        Arguments.of("non-chars \uFFFE\uFFFF end", "non-chars  end"),
        Arguments.of("lone high \uD83D end", "lone high  end"),
        Arguments.of("lone low \uDE00 end", "lone low  end"),
        Arguments.of("reversed pair \uDE00\uD83D end", "reversed pair  end"),
        Arguments.of("emoji \uD83D\uDE00 kept", "emoji \uD83D\uDE00 kept"),
        Arguments.of("markup <script>&]]> kept", "markup <script>&]]> kept"),
        Arguments.of("עברית RTL \u202E mark kept", "עברית RTL \u202E mark kept"),
        Arguments.of("Кириллица, Böll, “quotes”", "Кириллица, Böll, “quotes”"),
        Arguments.of("C1 \u0085 kept (legal in XML 1.0)", "C1 \u0085 kept (legal in XML 1.0)"),
        Arguments.of("", ""));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void removesExactlyTheCharactersXmlForbids(String input, String expected) {
    assertThat(XmlText.clean(input)).isEqualTo(expected);
    assertThat(XmlText.isLegal(XmlText.clean(input))).isTrue();
  }

  @org.junit.jupiter.api.Test
  void leavesNullAlone() {
    assertThat(XmlText.clean(null)).isNull();
  }
}

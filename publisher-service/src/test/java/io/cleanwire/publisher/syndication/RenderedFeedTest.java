package io.cleanwire.publisher.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** If-None-Match matching as RFC 9110 asks for GET (weak comparison, lists, {@code *}). */
class RenderedFeedTest {

  private final RenderedFeed feed = new RenderedFeed(new byte[0], "\"abc\"", null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"abc\"|true",
        "W/\"abc\"|true",
        "\"x\", \"abc\"|true",
        "*|true",
        "\"abd\"|false",
        "abc|false",
        "''|false"
      })
  void matchesIfNoneMatchByWeakComparison(String header, boolean expected) {
    assertThat(feed.matches(header)).isEqualTo(expected);
  }
}

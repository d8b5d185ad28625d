package io.cleanwire.fetcher.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedUrlsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://Example.COM/feed.xml, https://example.com/feed.xml",
    "HTTP://example.com, http://example.com/",
    "'  https://example.com/a?b=c#frag  ', https://example.com/a?b=c",
    "http://127.0.0.1:8080/f%20x.xml, http://127.0.0.1:8080/f%20x.xml",
  })
  void normalizesSchemeHostAndFragmentOnly(String given, String stored) {
    assertThat(FeedUrls.normalize(given)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ftp://example.com/feed, must be http or https",
    "file:///etc/passwd, must be http or https",
    "javascript:alert(1), must be http or https",
    "example.com/feed, must be http or https",
    "http://exa mple.com/, malformed url",
    "'', url is required",
    "http:///path, no host",
  })
  void refusesWhatIsNotAnHttpUrl(String given, String reason) {
    assertThatThrownBy(() -> FeedUrls.normalize(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}

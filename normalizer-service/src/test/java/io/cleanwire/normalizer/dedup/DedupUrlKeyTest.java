package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DedupUrlKeyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://news.example.com/2026/11/story-1",
    "http://news.example.com/2026/11/story-1",
    "https://news.example.com/2026/11/story-1/",
    "https://m.news.example.com/2026/11/story-1",
    "https://www.news.example.com/2026/11/story-1",
    "https://mobile.news.example.com/2026/11/story-1//",
  })
  void variantsOfOneArticleShareOneKey(String canonicalUrl) {
    assertThat(DedupUrlKey.of(canonicalUrl)).isEqualTo("news.example.com/2026/11/story-1");
  }

  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource({
    "https://news.example.com/story?id=1, https://news.example.com/story?id=2",
    "https://news.example.com/a, https://news.example.org/a",
    "https://m.example/a, https://example/a",
  })
  void differentArticlesKeepDifferentKeys(String a, String b) {
    assertThat(DedupUrlKey.of(a)).isNotEqualTo(DedupUrlKey.of(b));
  }
}

package io.cleanwire.normalizer.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.Repair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  private final UrlCanonicalizer canonicalizer =
      new UrlCanonicalizer(
          List.of("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"));

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://nypost.example/2022/01/05/psaki/?utm_source=rss&utm_medium=feed | https://nypost.example/2022/01/05/psaki/",
        "HTTPS://News.Example.COM/Path/Case.html | https://news.example.com/Path/Case.html",
        "http://news.example:80/a | http://news.example/a",
        "https://news.example:443/a | https://news.example/a",
        "https://news.example:8443/a | https://news.example:8443/a",
        "https://news.example/a#comments | https://news.example/a",
        "https://app.example/#!/story/42 | https://app.example/#!/story/42",
        "https://news.example/a?id=7&fbclid=XYZ&page=2 | https://news.example/a?id=7&page=2",
        "https://news.example/a?b=2&a=1 | https://news.example/a?b=2&a=1",
        "https://news.example/a?UTM_Campaign=x&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=5 | https://news.example/a",
        "https://news.example/a/./b/../c | https://news.example/a/c",
        "https://news.example | https://news.example/",
        "https://user:pw@news.example/a | https://news.example/a",
        "  https://news.example/with space  | https://news.example/with%20space",
        "https://ru.example/новости/казахстан | https://ru.example/новости/казахстан",
        "https://news.example/a%2Fb?q=%C3%A9 | https://news.example/a%2Fb?q=%C3%A9",
        "https://my_host.example:8080/a | https://my_host.example:8080/a",
      })
  void canonicalizes(String link, String expected) {
    assertThat(canonicalizer.canonicalize(link).url()).isEqualTo(expected);
  }

  @Test
  void recordsRemovedTrackingParametersOnTheLink() {
    assertThat(
            canonicalizer
                .canonicalize("https://nypost.example/a/?utm_source=rss&utm_medium=feed")
                .repairs())
        .containsExactly(
            new Repair("link", "tracking-parameters", "removed utm_source, utm_medium"));
  }

  @Test
  void recordsNothingForAnAlreadyCanonicalUrl() {
    assertThat(canonicalizer.canonicalize("https://news.example/a?id=1").repairs()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "mailto:a@b.example",
        "/relative/path",
        "https://",
        "ht tp://x",
        "ftp://files.example/a"
      })
  void refusesUnusableLinksWithARepair(String link) {
    UrlCanonicalizer.Canonical c = canonicalizer.canonicalize(link);
    assertThat(c.url()).isNull();
    assertThat(c.repairs()).extracting(Repair::kind).containsExactly("invalid-url");
  }

  @Test
  void missingLinkIsNullWithoutRepair() {
    assertThat(canonicalizer.canonicalize(null).url()).isNull();
    assertThat(canonicalizer.canonicalize(" ").repairs()).isEmpty();
  }
}

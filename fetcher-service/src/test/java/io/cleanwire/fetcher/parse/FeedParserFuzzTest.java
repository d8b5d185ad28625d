package io.cleanwire.fetcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged feeds give a feed or a "not a feed" error, never another exception. */
class FeedParserFuzzTest {

  private final FeedParser parser = new FeedParser();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rss20.xml", "rss10.rdf", "atom.xml", "no-guid.xml"})
  void neverThrowsAnythingButFeedParseException(String fixture) {
    byte[] original = FeedParserTest.fixture(fixture);
    Random random = new Random(fixture.hashCode()); // fixed seed: a failure is reproducible
    for (int run = 0; run < 300; run++) {
      byte[] damaged = damage(original, random);
      try {
        ParsedFeed feed = parser.parse(damaged, null, "https://fuzz.example/feed");
        assertThat(feed.entries())
            .allSatisfy(e -> assertThat(e.guid() != null || e.link() != null).isTrue());
      } catch (FeedParseException expected) {
        assertThat(expected).hasMessageStartingWith("not a feed: ");
      } catch (RuntimeException e) {
        fail("run " + run + " of " + fixture + " threw " + e, e);
      }
    }
  }

  private static byte[] damage(byte[] original, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> Arrays.copyOf(original, random.nextInt(original.length));
      case 1 -> {
        byte[] copy = original.clone();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        yield copy;
      }
      default -> {
        byte[] copy = original.clone();
        int from = random.nextInt(copy.length);
        int to = Math.min(copy.length, from + random.nextInt(64));
        Arrays.fill(copy, from, to, (byte) '<');
        yield copy;
      }
    };
  }
}

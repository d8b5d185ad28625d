package io.cleanwire.fetcher.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdaptiveIntervalTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final AdaptiveInterval adaptive =
      new AdaptiveInterval(Duration.ofMinutes(5), Duration.ofHours(24));

  private static List<Instant> every(Duration gap, int count) {
    return IntStream.range(0, count).mapToObj(i -> NOW.minus(gap.multipliedBy(i))).toList();
  }

  static Stream<Arguments> cases() {
    Duration fifteen = Duration.ofMinutes(15);
    return Stream.of(
        // name, current, changed, published dates, hint, expected
        Arguments.of(
            "hourly feed: poll every 30 min",
            fifteen,
            true,
            every(Duration.ofHours(1), 10),
            null,
            Duration.ofMinutes(30)),
        Arguments.of(
            "daily feed: poll every 12 h",
            fifteen,
            false,
            every(Duration.ofDays(1), 10),
            null,
            Duration.ofHours(12)),
        Arguments.of(
            "monthly feed: capped at the maximum",
            fifteen,
            false,
            every(Duration.ofDays(30), 5),
            null,
            Duration.ofHours(24)),
        Arguments.of(
            "busy feed: floored at the minimum",
            fifteen,
            true,
            every(Duration.ofMinutes(1), 10),
            null,
            Duration.ofMinutes(5)),
        Arguments.of(
            "no dates, changed: halves",
            Duration.ofHours(2),
            true,
            List.of(),
            null,
            Duration.ofHours(1)),
        Arguments.of(
            "no dates, unchanged (304): grows by half",
            Duration.ofHours(2),
            false,
            List.of(),
            null,
            Duration.ofHours(3)),
        Arguments.of(
            "ttl is a floor",
            fifteen,
            true,
            every(Duration.ofHours(1), 10),
            Duration.ofHours(2),
            Duration.ofHours(2)),
        Arguments.of(
            "ttl above the maximum is capped",
            fifteen,
            true,
            List.of(),
            Duration.ofDays(7),
            Duration.ofHours(24)),
        Arguments.of(
            "two dates are not a rhythm",
            Duration.ofHours(1),
            true,
            every(Duration.ofDays(1), 2),
            null,
            Duration.ofMinutes(30)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void choosesTheIntervalFromHowOftenTheFeedChanges(
      String name,
      Duration current,
      boolean changed,
      List<Instant> published,
      Duration hint,
      Duration expected) {
    assertThat(adaptive.next(current, changed, published, hint)).isEqualTo(expected);
  }
}

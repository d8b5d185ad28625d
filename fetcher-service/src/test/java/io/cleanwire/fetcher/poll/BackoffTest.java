package io.cleanwire.fetcher.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), 0.2);

  @ParameterizedTest(name = "failure {0}, random {1} -> {2}")
  @CsvSource({
    // failures, random, expected delay
    "1, 0.5, PT1M",
    "2, 0.5, PT2M",
    "3, 0.5, PT4M",
    "6, 0.5, PT32M",
    "1, 0.0, PT48S", // -20 %
    "1, 0.999999, PT1M11.999S", // just under +20 %
    "9, 0.5, PT4H16M",
    "10, 0.5, PT6H", // doubled past the bound
    "10, 0.999999, PT6H", // jitter never lifts it above the bound
    "1000, 0.5, PT6H",
  })
  void doublesPerFailureWithinTheBound(int failures, double random, Duration expected) {
    assertThat(backoff.delay(failures, random)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "random {0}")
  @CsvSource({"0.0", "0.25", "0.5", "0.75", "0.999"})
  void jitterSpreadsRetriesWithinTwentyPercent(double random) {
    Duration delay = backoff.delay(3, random);
    assertThat(delay).isBetween(Duration.ofSeconds(192), Duration.ofSeconds(288));
  }
}

package io.cleanwire.fetcher.poll;

import java.time.Duration;

/**
 * Retry delay of a failing feed: doubles with each consecutive failure, never above the maximum,
 * spread by jitter so that feeds failing together do not retry together.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final double jitter;

  /**
   * @param initial delay after the first failure
   * @param max the bound, whatever the number of failures and the jitter
   * @param jitter relative spread, 0 to 1 (0.2 = ±20 %)
   */
  public Backoff(Duration initial, Duration max, double jitter) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("backoff jitter must be within 0..1");
    }
    this.initial = initial;
    this.max = max;
    this.jitter = jitter;
  }

  /**
   * The delay before the next attempt.
   *
   * @param consecutiveFailures failures in a row, including the one just recorded (1 or more)
   * @param random a uniform random number in [0, 1)
   */
  public Duration delay(int consecutiveFailures, double random) {
    int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 40));
    double base = Math.min((double) max.toMillis(), initial.toMillis() * Math.pow(2, doublings));
    double spread = 1 + jitter * (2 * random - 1);
    long millis = (long) Math.min(max.toMillis(), base * spread);
    return Duration.ofMillis(Math.max(1, millis));
  }
}

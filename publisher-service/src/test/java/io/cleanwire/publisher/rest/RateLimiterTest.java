package io.cleanwire.publisher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Token-bucket arithmetic: burst, refill, per-client separation, bounded memory. */
class RateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void grantsTheBurstThenOneRequestPerRefillInterval() {
    RateLimiter limiter = new RateLimiter(2, 3, 100);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a", 0)).isZero();
    }
    assertThat(limiter.acquire("a", 0)).isEqualTo(SECOND / 2);
    assertThat(limiter.acquire("a", SECOND / 4)).isEqualTo(SECOND / 4);
    assertThat(limiter.acquire("a", SECOND / 2)).isZero();
    assertThat(limiter.acquire("a", SECOND / 2)).isPositive();
  }

  @Test
  void limitsEachClientOnItsOwn() {
    RateLimiter limiter = new RateLimiter(1, 1, 100);
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isPositive();
    assertThat(limiter.acquire("b", 0)).isZero();
  }

  @Test
  void neverBanksMoreThanTheBurst() {
    RateLimiter limiter = new RateLimiter(10, 2, 100);
    limiter.acquire("a", 0);
    long later = 3600 * SECOND;
    assertThat(limiter.acquire("a", later)).isZero();
    assertThat(limiter.acquire("a", later)).isZero();
    assertThat(limiter.acquire("a", later)).isPositive();
  }

  @Test
  void forgetsIdleClientsWhenTheTableIsFull() {
    RateLimiter limiter = new RateLimiter(1, 1, 2);
    limiter.acquire("a", 0);
    limiter.acquire("b", 0);
    limiter.acquire("c", 10 * SECOND);
    assertThat(limiter.trackedClients()).isLessThanOrEqualTo(2);
  }
}

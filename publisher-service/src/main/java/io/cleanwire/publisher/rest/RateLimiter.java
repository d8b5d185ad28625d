package io.cleanwire.publisher.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code
 * requestsPerSecond}. Plain Java, so that its arithmetic is tested without HTTP.
 *
 * <p>State is per instance: behind a load balancer each replica grants the rate, so a client gets
 * up to replicas × rate in all (sticky balancing or a gateway limit gives one global figure).
 */
final class RateLimiter {

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final double perNano;
  private final int burst;
  private final int maxClients;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(double requestsPerSecond, int burst, int maxClients) {
    if (requestsPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate limit needs requests-per-second > 0 and burst >= 1");
    }
    this.perNano = requestsPerSecond / 1e9;
    this.burst = burst;
    this.maxClients = maxClients;
  }

  /**
   * Takes one token for {@code client} at time {@code nowNanos} ({@link System#nanoTime} scale).
   *
   * @return 0 when the request may proceed, else the nanoseconds until a token is available
   */
  long acquire(String client, long nowNanos) {
    if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
      forgetIdle(nowNanos);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
    synchronized (bucket) {
      refill(bucket, nowNanos);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perNano);
    }
  }

  int trackedClients() {
    return buckets.size();
  }

  private void refill(Bucket bucket, long nowNanos) {
    long elapsed = Math.max(0, nowNanos - bucket.refilledAt);
    bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perNano);
    bucket.refilledAt = nowNanos;
  }

  /** Drops clients whose bucket is full again: forgetting them loses nothing. */
  private void forgetIdle(long nowNanos) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                refill(e.getValue(), nowNanos);
                return e.getValue().tokens >= burst;
              }
            });
  }
}

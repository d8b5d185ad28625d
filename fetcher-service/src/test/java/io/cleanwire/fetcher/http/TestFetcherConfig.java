package io.cleanwire.fetcher.http;

import io.cleanwire.fetcher.config.FetcherConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link FetcherConfig} for plain unit tests, with the production defaults unless changed. */
public record TestFetcherConfig(
    boolean allowPrivateAddresses,
    long maxBodyBytes,
    Duration fetchTimeout,
    int maxRedirects,
    Optional<List<String>> allowedAddresses)
    implements FetcherConfig {

  public static TestFetcherConfig defaults() {
    return new TestFetcherConfig(
        true, 10 * 1024 * 1024, Duration.ofSeconds(5), 5, Optional.empty());
  }

  TestFetcherConfig withAllowPrivateAddresses(boolean allow) {
    return new TestFetcherConfig(allow, maxBodyBytes, fetchTimeout, maxRedirects, allowedAddresses);
  }

  TestFetcherConfig withAllowedAddresses(String... entries) {
    return new TestFetcherConfig(
        allowPrivateAddresses,
        maxBodyBytes,
        fetchTimeout,
        maxRedirects,
        Optional.of(List.of(entries)));
  }

  TestFetcherConfig withMaxBodyBytes(long max) {
    return new TestFetcherConfig(
        allowPrivateAddresses, max, fetchTimeout, maxRedirects, allowedAddresses);
  }

  TestFetcherConfig withFetchTimeout(Duration timeout) {
    return new TestFetcherConfig(
        allowPrivateAddresses, maxBodyBytes, timeout, maxRedirects, allowedAddresses);
  }

  @Override
  public Duration readTimeout() {
    return Duration.ofSeconds(5);
  }

  @Override
  public int maxConcurrentPerHost() {
    return 2;
  }

  @Override
  public int pollConcurrency() {
    return 4;
  }

  @Override
  public Duration minPollInterval() {
    return Duration.ofMinutes(5);
  }

  @Override
  public Duration maxPollInterval() {
    return Duration.ofHours(24);
  }

  @Override
  public Duration maxRetryAfter() {
    return Duration.ofHours(24);
  }

  @Override
  public Duration leaseDuration() {
    return Duration.ofMinutes(5);
  }

  @Override
  public Optional<String> replicaId() {
    return Optional.empty();
  }

  @Override
  public Duration pollInterval() {
    return Duration.ofMinutes(15);
  }

  @Override
  public String schedulerTick() {
    return "30s";
  }

  @Override
  public boolean schedulerEnabled() {
    return false;
  }

  @Override
  public int maxFeedsPerTick() {
    return 200;
  }

  @Override
  public Duration backoffInitial() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Duration backoffMax() {
    return Duration.ofHours(6);
  }

  @Override
  public double backoffJitter() {
    return 0.2;
  }

  @Override
  public String userAgent() {
    return "Cleanwire/test (+https://github.com/cleanwire/cleanwire)";
  }

  @Override
  public Duration connectTimeout() {
    return Duration.ofSeconds(2);
  }

  @Override
  public Duration publishTimeout() {
    return Duration.ofSeconds(5);
  }
}

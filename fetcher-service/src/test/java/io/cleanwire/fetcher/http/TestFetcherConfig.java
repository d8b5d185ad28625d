package io.cleanwire.fetcher.http;

import io.cleanwire.fetcher.config.FetcherConfig;
import java.time.Duration;

/** A {@link FetcherConfig} for plain unit tests, with the production defaults unless changed. */
record TestFetcherConfig(
    boolean allowPrivateAddresses, long maxBodyBytes, Duration fetchTimeout, int maxRedirects)
    implements FetcherConfig {

  static TestFetcherConfig defaults() {
    return new TestFetcherConfig(true, 10 * 1024 * 1024, Duration.ofSeconds(5), 5);
  }

  TestFetcherConfig withAllowPrivateAddresses(boolean allow) {
    return new TestFetcherConfig(allow, maxBodyBytes, fetchTimeout, maxRedirects);
  }

  TestFetcherConfig withMaxBodyBytes(long max) {
    return new TestFetcherConfig(allowPrivateAddresses, max, fetchTimeout, maxRedirects);
  }

  TestFetcherConfig withFetchTimeout(Duration timeout) {
    return new TestFetcherConfig(allowPrivateAddresses, maxBodyBytes, timeout, maxRedirects);
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

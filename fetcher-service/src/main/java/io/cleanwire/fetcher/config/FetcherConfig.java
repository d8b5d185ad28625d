package io.cleanwire.fetcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of the fetcher: polling rhythm, backoff, HTTP limits and publishing timeouts. */
@ConfigMapping(prefix = "cleanwire.fetcher")
public interface FetcherConfig {

  /**
   * Time between two polls of a healthy feed (ISO-8601, e.g. {@code PT15M}); a feed's own override
   * wins. Env {@code CLEANWIRE_FETCHER_POLL_INTERVAL}.
   */
  @WithDefault("PT15M")
  Duration pollInterval();

  /**
   * How often the scheduler looks for due feeds ({@code 30s}, {@code PT30S}); read by
   * {@code @Scheduled(every = ...)}.
   */
  @WithDefault("30s")
  String schedulerTick();

  /** Whether the scheduler polls due feeds on its own; tests switch it off and poll explicitly. */
  @WithDefault("true")
  boolean schedulerEnabled();

  /** Most feeds one scheduler tick polls; the rest wait for the next tick. */
  @WithDefault("200")
  int maxFeedsPerTick();

  /** Delay before the first retry of a failed feed; doubles with each consecutive failure. */
  @WithDefault("PT1M")
  Duration backoffInitial();

  /** Longest delay between retries of a failing feed, however many failures in a row. */
  @WithDefault("PT6H")
  Duration backoffMax();

  /**
   * Random spread applied to every retry delay (0.2 = ±20 %), so failing feeds do not retry in
   * lockstep.
   */
  @WithDefault("0.2")
  double backoffJitter();

  /** User-Agent header sent with every request. */
  @WithDefault(
      "Cleanwire/${quarkus.application.version:0.1.0-SNAPSHOT} (+https://github.com/cleanwire/cleanwire)")
  String userAgent();

  /** Largest feed document accepted, counted after gzip/deflate decoding (default 10 MiB). */
  @WithDefault("10485760")
  long maxBodyBytes();

  /** Total deadline of one fetch, all redirects and the whole body included. */
  @WithDefault("PT30S")
  Duration fetchTimeout();

  /** Deadline for opening one TCP/TLS connection. */
  @WithDefault("PT10S")
  Duration connectTimeout();

  /** Most redirects followed for one fetch; an https to http redirect is always refused. */
  @WithDefault("5")
  int maxRedirects();

  /**
   * Allow feeds on loopback, private, link-local and other non-public addresses. Off in production
   * (SSRF protection); on for local runs and tests. Env {@code
   * CLEANWIRE_FETCHER_ALLOW_PRIVATE_ADDRESSES}.
   */
  @WithDefault("false")
  boolean allowPrivateAddresses();

  /**
   * How long a poll waits for Kafka to acknowledge all its entries; past it the poll fails and its
   * state is not advanced.
   */
  @WithDefault("PT30S")
  Duration publishTimeout();
}

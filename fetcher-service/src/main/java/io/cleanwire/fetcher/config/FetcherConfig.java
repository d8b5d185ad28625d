package io.cleanwire.fetcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

  /** Deadline for each read from the socket; the total deadline is {@code fetch-timeout}. */
  @WithDefault("PT15S")
  Duration readTimeout();

  /**
   * Literal addresses or CIDR ranges fetched from although they are private, loopback and so on
   * (e.g. {@code 127.0.0.1/32,::1/128} for local mode). Checked on the address actually connected
   * to. Env {@code CLEANWIRE_FETCHER_ALLOWED_ADDRESSES}.
   */
  Optional<List<String>> allowedAddresses();

  /** Most fetches running at once against one host name, whatever the number of feeds on it. */
  @WithDefault("2")
  int maxConcurrentPerHost();

  /** Fetches this replica runs in parallel (worker threads of the scheduler). */
  @WithDefault("8")
  int pollConcurrency();

  /** Shortest interval the adaptive schedule may choose for a feed (no feed is polled faster). */
  @WithDefault("PT5M")
  Duration minPollInterval();

  /** Longest interval the adaptive schedule may choose, however quiet the feed or large its ttl. */
  @WithDefault("PT24H")
  Duration maxPollInterval();

  /** Longest wait a server's Retry-After may impose; longer requests are cut to this. */
  @WithDefault("PT24H")
  Duration maxRetryAfter();

  /**
   * How long a replica owns the feeds it claimed; a replica that dies releases them when this
   * passes. Must exceed {@code fetch-timeout} plus {@code publish-timeout}.
   */
  @WithDefault("PT5M")
  Duration leaseDuration();

  /**
   * Name of this replica in lease rows (env {@code CLEANWIRE_FETCHER_REPLICA_ID}, e.g. the pod
   * name); a random id when unset.
   */
  Optional<String> replicaId();
}

package io.cleanwire.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of the publisher-service, read from {@code cleanwire.publisher.*}. */
@ConfigMapping(prefix = "cleanwire.publisher")
public interface PublisherConfig {

  /**
   * Public base URL of this service as readers reach it (scheme, host, optional path, no trailing
   * slash), used for self links in output feeds; env {@code CLEANWIRE_PUBLISHER_PUBLIC_BASE_URL}.
   */
  @WithDefault("http://localhost:8080")
  String publicBaseUrl();

  /** Output feeds ({@code /feeds/rss}). */
  Feed feed();

  /** Paging of {@code /api/v1/items}. */
  Page page();

  /** HTTP caching of every GET (ETag, Last-Modified, 304). */
  Cache cache();

  /** The change feed ({@code /api/v1/items/changes}) and its SSE stream. */
  Changes changes();

  /** Per-client rate limiting of {@code /api/*} and {@code /feeds/*}. */
  RateLimit rateLimit();

  /** Deletion of old items. */
  Retention retention();

  /** Settings of the output feeds. */
  interface Feed {

    /** Channel title of the output feeds. */
    @WithDefault("Cleanwire")
    String title();

    /** Channel description of the output feeds. */
    @WithDefault("Clean, deduplicated news items, one per story.")
    String description();

    /** How many items (stories) an output feed holds, newest first. */
    @WithDefault("50")
    int size();
  }

  /** Settings of list paging. */
  interface Page {

    /** Items per page when the request gives no {@code limit}. */
    @WithDefault("50")
    int defaultSize();

    /** Largest page size; a larger {@code limit} is clamped to it, not refused. */
    @WithDefault("200")
    int maxSize();
  }

  /** Settings of conditional GET. */
  interface Cache {

    /**
     * How long the database version stamp (newest change time and row count) is reused before it is
     * read again. Writes through this instance refresh it at once; writes by other replicas show in
     * ETags after at most this long. {@code 0s} reads it on every request.
     */
    @WithDefault("1s")
    Duration stampTtl();

    /**
     * Rendered answers kept in memory by ETag (URL at one table version), so that a popular list or
     * feed is rendered once per change; {@code 0} disables the cache.
     */
    @WithDefault("256")
    int maxEntries();

    /** {@code max-age} of the {@code Cache-Control} header of every cacheable answer, seconds. */
    @WithDefault("60")
    int maxAgeSeconds();
  }

  /** Settings of the change feed. */
  interface Changes {

    /**
     * Changes newer than this are held back: a transaction that stamped its row earlier but commits
     * later must still be seen by a reader that already moved its cursor past that stamp. Keep it
     * above the longest write transaction (plus clock skew between replicas).
     */
    @WithDefault("2s")
    Duration settleTime();

    /** How often an open SSE stream looks for new changes. */
    @WithDefault("1s")
    Duration pollInterval();
  }

  /** Settings of the per-client token bucket. */
  interface RateLimit {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second granted to one client (by remote address). */
    @WithDefault("20")
    double requestsPerSecond();

    /** Requests a client may make in a burst before the sustained rate applies. */
    @WithDefault("100")
    int burst();

    /** Clients tracked at most; idle clients are forgotten first when the table is full. */
    @WithDefault("100000")
    int maxClients();
  }

  /** Settings of the retention job. */
  interface Retention {

    /**
     * Items whose list time (publication time, else first fetch) is older than this are deleted.
     */
    @WithDefault("90d")
    Duration maxAge();

    /** Rows deleted per transaction, so that a large purge never holds long locks. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How often the retention job runs ({@code off} disables it); read by {@code @Scheduled} as
     * {@code cleanwire.publisher.retention.interval}.
     */
    @WithDefault("1h")
    String interval();
  }
}

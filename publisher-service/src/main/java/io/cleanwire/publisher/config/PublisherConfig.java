package io.cleanwire.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Largest {@code limit} accepted; larger values are answered with 400. */
    @WithDefault("200")
    int maxSize();
  }
}

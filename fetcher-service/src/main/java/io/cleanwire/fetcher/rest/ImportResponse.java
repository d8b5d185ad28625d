package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.subscription.Subscriptions;
import java.util.List;

/**
 * Result of {@code POST /api/v1/feeds/import}.
 *
 * @param imported feeds newly subscribed
 * @param existing feeds that were already subscribed
 * @param rejected outlines refused, each with its reason
 */
public record ImportResponse(
    List<FeedResponse> imported, List<FeedResponse> existing, List<RejectedOutline> rejected) {

  /**
   * An outline that was not subscribed.
   *
   * @param url the URL as written in the OPML file
   * @param title the outline's title, may be null
   * @param reason why it was refused
   */
  public record RejectedOutline(String url, String title, String reason) {}

  static ImportResponse of(Subscriptions.ImportResult result) {
    return new ImportResponse(
        result.imported().stream().map(FeedResponse::of).toList(),
        result.existing().stream().map(FeedResponse::of).toList(),
        result.rejected().stream()
            .map(r -> new RejectedOutline(r.url(), r.title(), r.reason()))
            .toList());
  }
}

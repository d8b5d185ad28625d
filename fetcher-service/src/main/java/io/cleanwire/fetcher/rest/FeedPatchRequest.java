package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.subscription.Subscriptions;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Body of {@code PATCH /api/v1/feeds/{id}}; every field is optional.
 *
 * @param url a new feed URL, http or https, checked like a new subscription
 * @param title a new title; empty clears it
 * @param pollInterval a fixed interval (ISO-8601, e.g. {@code PT30M}); {@code PT0S} returns the
 *     feed to the adaptive schedule
 * @param active false pauses polling; true resumes it, also after a 410 Gone
 */
public record FeedPatchRequest(String url, String title, String pollInterval, Boolean active) {

  Subscriptions.Change toChange() {
    Duration interval = null;
    if (pollInterval != null) {
      try {
        interval = Duration.parse(pollInterval.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "pollInterval must be an ISO-8601 duration such as PT30M: " + pollInterval);
      }
    }
    return new Subscriptions.Change(url, title, interval, active);
  }
}

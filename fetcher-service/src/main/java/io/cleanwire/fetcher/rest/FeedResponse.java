package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.persistence.PollStatus;
import io.cleanwire.fetcher.subscription.Subscription;
import java.time.Instant;

/**
 * A subscribed feed as the admin API shows it.
 *
 * @param id feed id
 * @param url the feed URL
 * @param title the feed's title, may be null
 * @param siteUrl the feed's web site, may be null
 * @param pollInterval the feed's own interval (ISO-8601), null when it uses the default
 * @param createdAt when it was subscribed
 * @param health last poll result and what happens next
 */
public record FeedResponse(
    long id,
    String url,
    String title,
    String siteUrl,
    String pollInterval,
    Instant createdAt,
    HealthResponse health) {

  /**
   * A feed's health.
   *
   * @param lastStatus NEVER_POLLED, OK, NOT_MODIFIED or FAILED
   * @param lastHttpStatus HTTP status of the last poll, null when none came
   * @param lastError reason of the last failure, null after a success
   * @param lastPolledAt when it was last polled
   * @param lastSuccessAt when a poll last succeeded
   * @param nextPollAt when it is polled next (later after failures: exponential backoff)
   * @param consecutiveFailures failures in a row
   * @param entriesSeen entries published for this feed so far
   * @param lastEntriesSkipped entries of the last document without guid and link
   * @param active false after 410 Gone or when paused by an admin: not polled
   * @param failing true while the feed fails (shown until a poll succeeds)
   * @param failingSince start of the current run of failures, null while healthy
   * @param lastFailureKind kind of the last failure (REFUSED, DEADLINE, TOO_LARGE, RATE_LIMITED,
   *     GONE, PARSE…), null after a success
   * @param recovered whether the last document was readable only after repairs
   * @param lastRepairs what was repaired in the last document, null when nothing
   * @param currentInterval interval chosen by the adaptive schedule (ISO-8601), may be null
   * @param leaseOwner the replica polling the feed right now, null when none
   */
  public record HealthResponse(
      PollStatus lastStatus,
      Integer lastHttpStatus,
      String lastError,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      Instant nextPollAt,
      int consecutiveFailures,
      long entriesSeen,
      int lastEntriesSkipped,
      boolean active,
      boolean failing,
      Instant failingSince,
      String lastFailureKind,
      boolean recovered,
      String lastRepairs,
      String currentInterval,
      String leaseOwner) {}

  static FeedResponse of(Subscription s) {
    Subscription.Health h = s.health();
    HealthResponse health =
        h == null
            ? null
            : new HealthResponse(
                h.lastStatus(),
                h.lastHttpStatus(),
                h.lastError(),
                h.lastPolledAt(),
                h.lastSuccessAt(),
                h.nextPollAt(),
                h.consecutiveFailures(),
                h.entriesSeen(),
                h.lastEntriesSkipped(),
                h.active(),
                h.consecutiveFailures() > 0,
                h.failingSince(),
                h.lastFailureKind(),
                h.lastRepairs() != null,
                h.lastRepairs(),
                h.currentInterval() == null ? null : h.currentInterval().toString(),
                h.leaseOwner());
    return new FeedResponse(
        s.id(),
        s.url(),
        s.title(),
        s.siteUrl(),
        s.pollInterval() == null ? null : s.pollInterval().toString(),
        s.createdAt(),
        health);
  }
}

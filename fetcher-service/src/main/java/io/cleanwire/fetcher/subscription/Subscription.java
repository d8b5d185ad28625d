package io.cleanwire.fetcher.subscription;

import io.cleanwire.fetcher.persistence.Feed;
import io.cleanwire.fetcher.persistence.FeedPollState;
import io.cleanwire.fetcher.persistence.PollStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A subscribed feed with its health, detached from the database.
 *
 * @param id feed id
 * @param url the feed URL
 * @param title title given at subscription or read from the feed, may be null
 * @param siteUrl the feed's web site, may be null
 * @param pollInterval the feed's own poll interval, null when it uses the default
 * @param createdAt when it was subscribed
 * @param health last poll result and what happens next
 */
public record Subscription(
    long id,
    String url,
    String title,
    String siteUrl,
    Duration pollInterval,
    Instant createdAt,
    Health health) {

  /**
   * A feed's poll health.
   *
   * @param lastStatus outcome of the last poll
   * @param lastHttpStatus HTTP status of the last poll, null when none came
   * @param lastError reason of the last failure, null after a success
   * @param lastPolledAt when it was last polled, null before the first poll
   * @param lastSuccessAt when a poll last succeeded (200 or 304), may be null
   * @param nextPollAt when the scheduler polls it next
   * @param consecutiveFailures failures in a row; drives the backoff
   * @param entriesSeen entries published for this feed so far
   * @param lastEntriesSkipped entries of the last document left out (no guid and no link)
   * @param active false after 410 Gone or when paused: not polled
   * @param lastFailureKind kind of the last failure, null after a success
   * @param failingSince start of the current run of failures, null while healthy
   * @param lastRepairs what had to be repaired to read the last document, null when nothing
   * @param currentInterval interval chosen by the adaptive schedule, null before the first success
   * @param leaseOwner the replica polling the feed right now, null when none
   */
  public record Health(
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
      String lastFailureKind,
      Instant failingSince,
      String lastRepairs,
      Duration currentInterval,
      String leaseOwner) {}

  static Subscription of(Feed feed, FeedPollState state) {
    Health health =
        state == null
            ? null
            : new Health(
                state.lastStatus,
                state.lastHttpStatus,
                state.lastError,
                state.lastPolledAt,
                state.lastSuccessAt,
                state.nextPollAt,
                state.consecutiveFailures,
                state.entriesSeen,
                state.lastEntriesSkipped,
                state.active,
                state.lastFailureKind,
                state.failingSince,
                state.lastRepairs,
                state.currentIntervalSeconds == null
                    ? null
                    : Duration.ofSeconds(state.currentIntervalSeconds),
                state.leaseUntil != null && state.leaseUntil.isAfter(Instant.now())
                    ? state.leaseOwner
                    : null);
    return new Subscription(
        feed.id,
        feed.url,
        feed.title,
        feed.siteUrl,
        feed.pollIntervalSeconds == null ? null : Duration.ofSeconds(feed.pollIntervalSeconds),
        feed.createdAt,
        health);
  }
}

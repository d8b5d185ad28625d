package io.cleanwire.fetcher.poll;

import io.cleanwire.fetcher.persistence.PollStatus;
import java.time.Instant;
import java.util.List;

/**
 * What one poll of a feed did.
 *
 * @param feedId the feed polled
 * @param status OK, NOT_MODIFIED, FAILED, DEFERRED (host asked to wait) or GONE (410)
 * @param httpStatus the final HTTP status, null when no response came
 * @param entriesFound entries in the document that have an identity
 * @param entriesPublished new or changed entries sent to Kafka and acked
 * @param entriesSkipped entries left out, see {@code skippedReasons}
 * @param skippedReasons one line per skipped entry
 * @param error the failure reason when FAILED, else null
 * @param nextPollAt when the feed is polled next, null when polling stopped (410)
 * @param failureKind kind of failure (REFUSED, DEADLINE, RATE_LIMITED, PARSE…), null on success
 * @param repairs what had to be repaired to read the document, empty when nothing
 */
public record PollOutcome(
    long feedId,
    PollStatus status,
    Integer httpStatus,
    int entriesFound,
    int entriesPublished,
    int entriesSkipped,
    List<String> skippedReasons,
    String error,
    Instant nextPollAt,
    String failureKind,
    List<String> repairs) {

  public PollOutcome {
    skippedReasons = List.copyOf(skippedReasons);
    repairs = List.copyOf(repairs);
  }
}

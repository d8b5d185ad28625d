package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.persistence.PollStatus;
import io.cleanwire.fetcher.poll.PollOutcome;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code POST /api/v1/feeds/{id}/poll}.
 *
 * @param feedId the feed polled
 * @param status OK, NOT_MODIFIED, FAILED, DEFERRED or GONE
 * @param httpStatus final HTTP status, null when no response came
 * @param entriesFound entries in the document that have a guid or link
 * @param entriesPublished new or changed entries acked by Kafka
 * @param entriesSkipped entries without guid and link
 * @param skippedReasons one line per skipped entry
 * @param error failure reason, null unless FAILED
 * @param nextPollAt when the feed is polled next, null when polling stopped
 * @param failureKind kind of failure (REFUSED, DEADLINE, TOO_LARGE, RATE_LIMITED, PARSE…), null on
 *     success
 * @param recovered whether the document was readable only after repairs
 * @param repairs what was repaired, empty when nothing
 */
public record PollResponse(
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
    boolean recovered,
    List<String> repairs) {

  static PollResponse of(PollOutcome o) {
    return new PollResponse(
        o.feedId(),
        o.status(),
        o.httpStatus(),
        o.entriesFound(),
        o.entriesPublished(),
        o.entriesSkipped(),
        o.skippedReasons(),
        o.error(),
        o.nextPollAt(),
        o.failureKind(),
        !o.repairs().isEmpty(),
        o.repairs());
  }
}

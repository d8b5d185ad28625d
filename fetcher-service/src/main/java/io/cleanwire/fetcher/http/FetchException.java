package io.cleanwire.fetcher.http;

import java.time.Instant;

/** A fetch that failed for a reason worth showing on the feed (refused, too big, HTTP error…). */
public class FetchException extends Exception {

  private final Integer httpStatus;
  private final FetchFailure failure;
  private final Instant retryAfter;

  public FetchException(String message) {
    this(message, (Integer) null);
  }

  public FetchException(String message, Integer httpStatus) {
    this(FetchFailure.of(httpStatus), message, httpStatus, null, null);
  }

  public FetchException(String message, Throwable cause) {
    this(FetchFailure.NETWORK, message, null, null, cause);
  }

  public FetchException(FetchFailure failure, String message, Throwable cause) {
    this(failure, message, null, null, cause);
  }

  public FetchException(
      FetchFailure failure,
      String message,
      Integer httpStatus,
      Instant retryAfter,
      Throwable cause) {
    super(message, cause);
    this.failure = failure;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status when the server answered, else null. */
  public Integer httpStatus() {
    return httpStatus;
  }

  /** The kind of failure, used as the metrics tag and to decide what happens next. */
  public FetchFailure failure() {
    return failure;
  }

  /** When the server asked to be contacted again (429/503 Retry-After), else null. */
  public Instant retryAfter() {
    return retryAfter;
  }
}

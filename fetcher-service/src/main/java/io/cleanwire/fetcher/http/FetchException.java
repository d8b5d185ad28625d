package io.cleanwire.fetcher.http;

/** A fetch that failed for a reason worth showing on the feed (refused, too big, HTTP error…). */
public class FetchException extends Exception {

  private final Integer httpStatus;

  public FetchException(String message) {
    this(message, (Integer) null);
  }

  public FetchException(String message, Integer httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = null;
  }

  /** The HTTP status when the server answered, else null. */
  public Integer httpStatus() {
    return httpStatus;
  }
}

package io.cleanwire.fetcher.opml;

/** The uploaded document is not OPML Cleanwire can read; the message says why. */
public class OpmlException extends Exception {

  public OpmlException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.cleanwire.fetcher.parse;

/** The document is not a feed Cleanwire can read; the message starts with "not a feed: ". */
public class FeedParseException extends Exception {

  public FeedParseException(String reason, Throwable cause) {
    super("not a feed: " + reason, cause);
  }
}

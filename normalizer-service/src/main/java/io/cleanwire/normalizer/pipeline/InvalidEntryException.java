package io.cleanwire.normalizer.pipeline;

/**
 * A fetched event that cannot be normalized at all (no entryKey); it goes to the dead-letter topic.
 */
public class InvalidEntryException extends RuntimeException {

  public InvalidEntryException(String message) {
    super(message);
  }
}

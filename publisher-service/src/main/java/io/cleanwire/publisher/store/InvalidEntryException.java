package io.cleanwire.publisher.store;

/**
 * An event that can never be stored (no entryKey, no feed URL …); the listener lets it fail so that
 * the record goes to the dead-letter topic with this message as its reason.
 */
public class InvalidEntryException extends RuntimeException {

  public InvalidEntryException(String message) {
    super(message);
  }
}

package io.cleanwire.fetcher.messaging;

/** Kafka did not acknowledge every entry of a poll; the poll's state must not advance. */
public class PublishException extends Exception {

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}

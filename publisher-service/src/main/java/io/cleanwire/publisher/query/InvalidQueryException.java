package io.cleanwire.publisher.query;

/** A request parameter the publisher cannot honour; answered with 400 and this message. */
public class InvalidQueryException extends RuntimeException {

  private final String parameter;

  public InvalidQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the offending query parameter. */
  public String parameter() {
    return parameter;
  }
}

package io.cleanwire.publisher.rest;

/** Thrown by resources when the named item or story is not stored; answered with 404. */
public class NotFoundProblem extends RuntimeException {

  public NotFoundProblem(String detail) {
    super(detail);
  }
}

package io.cleanwire.fetcher.rest;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) for every client error.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} for plain HTTP statuses)
 * @param title short summary of the problem kind
 * @param status the HTTP status
 * @param detail what was wrong with this request
 */
public record Problem(String type, String title, int status, String detail) {

  static final String MEDIA_TYPE = "application/problem+json";

  static Response response(Response.Status status, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(
            new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
        .build();
  }
}

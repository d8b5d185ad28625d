package io.cleanwire.normalizer.rest;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document, answered as {@code application/problem+json}.
 *
 * @param type a URI naming the problem kind ({@code about:blank} for plain HTTP meanings)
 * @param title short summary
 * @param status HTTP status
 * @param detail what exactly was wrong with this request
 */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A 400 answer with {@code detail}. */
  public static Response badRequest(String detail) {
    return Response.status(400)
        .type(MEDIA_TYPE)
        .entity(new Problem("about:blank", "Bad Request", 400, detail))
        .build();
  }
}

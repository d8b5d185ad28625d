package io.cleanwire.publisher.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param type a URI naming the kind of problem ({@code about:blank}: the status says it all)
 * @param title short summary of the status
 * @param status the HTTP status
 * @param detail what was wrong with this request, in a sentence
 * @param parameter the offending query parameter, or null
 */
@Schema(description = "An error, as application/problem+json (RFC 9457)")
public record Problem(
    @Schema(description = "URI naming the kind of problem; about:blank when the status says it")
        String type,
    @Schema(description = "Short summary of the HTTP status") String title,
    @Schema(description = "The HTTP status code") int status,
    @Schema(description = "What was wrong with this request, in a sentence") String detail,
    @Schema(description = "The offending query parameter or header, or null") String parameter) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(int status, String title, String detail, String parameter) {
    return new Problem("about:blank", title, status, detail, parameter);
  }
}

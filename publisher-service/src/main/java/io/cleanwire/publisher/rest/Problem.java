package io.cleanwire.publisher.rest;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param type a URI naming the kind of problem ({@code about:blank}: the status says it all)
 * @param title short summary of the status
 * @param status the HTTP status
 * @param detail what was wrong with this request, in a sentence
 * @param parameter the offending query parameter, or null
 */
public record Problem(String type, String title, int status, String detail, String parameter) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(int status, String title, String detail, String parameter) {
    return new Problem("about:blank", title, status, detail, parameter);
  }
}

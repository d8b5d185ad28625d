package io.cleanwire.publisher.syndication;

import java.time.Instant;

/**
 * A serialized output feed with its HTTP validators.
 *
 * @param body the UTF-8 document
 * @param etag strong entity tag (quoted) computed from {@code body}
 * @param lastModified newest change among the items served, or null when the feed is empty
 */
public record RenderedFeed(byte[] body, String etag, Instant lastModified) {

  /**
   * True when an {@code If-None-Match} header value names this feed: {@code *}, or any listed tag
   * equal to ours by weak comparison (RFC 9110 13.1.2), as GET requires.
   */
  public boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}

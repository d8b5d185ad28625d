package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.persistence.TableStamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Entity tags and conditional-request rules (RFC 9110 section 13) for every cacheable GET.
 *
 * <p>A tag is a hash of the table's version stamp and the request target (path and query): the same
 * stamp and URL always render the same bytes, so the tag can be known, and a 304 answered, before
 * anything is read or rendered.
 */
final class EntityTags {

  private EntityTags() {}

  /** The strong tag (quoted) of the representation of {@code target} at {@code stamp}. */
  static String of(TableStamp stamp, String target) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(stamp.token().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '|');
      byte[] hash = digest.digest(target.getBytes(StandardCharsets.UTF_8));
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /**
   * True when an {@code If-None-Match} value names {@code etag}: {@code *}, or any listed tag equal
   * to it by weak comparison (RFC 9110 13.1.2), as GET requires.
   */
  static boolean matches(String ifNoneMatch, String etag) {
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

  /**
   * RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise, and an
   * unparseable date is ignored.
   */
  static boolean notModified(
      String etag, Instant lastModified, String ifNoneMatch, String ifModifiedSince) {
    if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
      return matches(ifNoneMatch, etag);
    }
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    try {
      Instant since =
          DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
      return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}

package io.cleanwire.publisher.query;

import io.cleanwire.publisher.persistence.SortKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Encodes the sort key of the last item of a page as an opaque, URL-safe cursor and decodes it
 * back, refusing anything this class did not write.
 *
 * <p>Layout before base64url: {@code v1|<epochSecond>|<nano>|<entryKey>|<check>} for list pages
 * (sort time) and {@code c1|…} for the change feed (change time), where {@code check} is 8 hex
 * characters of SHA-256 over the rest. The check is not a secret (cursors are not credentials); it
 * turns a truncated or hand-edited cursor into a clear 400 instead of a silently wrong page.
 */
public final class Cursor {

  private static final String VERSION = "v1";
  private static final String CHANGES = "c1";
  private static final int MAX_LENGTH = 512;

  private Cursor() {}

  /** The cursor naming the position just after {@code key}. */
  public static String encode(SortKey key) {
    return encode(VERSION, key);
  }

  /** The change-feed cursor naming the position just after the change {@code key}. */
  public static String encodeChange(SortKey key) {
    return encode(CHANGES, key);
  }

  /**
   * The change position a change-feed cursor names.
   *
   * @throws InvalidQueryException ({@code after}) when the cursor is not a change-feed cursor
   */
  public static SortKey decodeChange(String cursor, String parameter) {
    return decode(cursor, CHANGES, parameter);
  }

  private static String encode(String version, SortKey key) {
    String body =
        version
            + "|"
            + key.sortTime().getEpochSecond()
            + "|"
            + key.sortTime().getNano()
            + "|"
            + key.entryKey();
    String text = body + "|" + check(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort key a cursor names.
   *
   * @throws InvalidQueryException ({@code cursor}) when the cursor was not written by {@link
   *     #encode} or was altered
   */
  public static SortKey decode(String cursor) {
    return decode(cursor, VERSION, "cursor");
  }

  private static SortKey decode(String cursor, String version, String parameter) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid(parameter);
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(parameter);
    }
    int checkAt = text.lastIndexOf('|');
    if (checkAt < 0 || !check(text.substring(0, checkAt)).equals(text.substring(checkAt + 1))) {
      throw invalid(parameter);
    }
    // The entry key is last in the body and may itself hold '|'.
    String[] parts = text.substring(0, checkAt).split("\\|", 4);
    if (parts.length != 4 || !version.equals(parts[0])) {
      throw invalid(parameter);
    }
    try {
      Instant time = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return new SortKey(time, parts[3]);
    } catch (NumberFormatException | DateTimeException e) {
      throw invalid(parameter);
    }
  }

  private static InvalidQueryException invalid(String parameter) {
    return new InvalidQueryException(
        parameter,
        parameter + " is not valid: pass back the nextCursor of a previous answer unchanged");
  }

  private static String check(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return String.format("%02x%02x%02x%02x", hash[0], hash[1], hash[2], hash[3]);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

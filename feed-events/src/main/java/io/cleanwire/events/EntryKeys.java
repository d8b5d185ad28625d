package io.cleanwire.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes {@code entryKey}, the stable identity of an entry across polls, restarts and replicas.
 *
 * <p>The key is the first 128 bits of SHA-256 over the feed URL and the entry's guid, or its link
 * when the feed gives no guid. Surrounding whitespace is ignored, nothing else is normalized: two
 * feeds never share keys, and a guid is compared exactly as the feed wrote it.
 */
public final class EntryKeys {

  private EntryKeys() {}

  /**
   * Returns the 32-hex-character key of an entry.
   *
   * @throws IllegalArgumentException when the feed URL is blank or the entry has neither guid nor
   *     link, since such an entry has no identity to deduplicate on
   */
  public static String of(String feedUrl, String guid, String link) {
    if (isBlank(feedUrl)) {
      throw new IllegalArgumentException("entry key needs a feed URL");
    }
    String identity;
    if (!isBlank(guid)) {
      identity = "guid:" + guid.strip();
    } else if (!isBlank(link)) {
      identity = "link:" + link.strip();
    } else {
      throw new IllegalArgumentException(
          "entry has neither guid nor link, feedUrl=" + feedUrl.strip());
    }
    return sha256Hex(feedUrl.strip() + "\n" + identity).substring(0, 32);
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

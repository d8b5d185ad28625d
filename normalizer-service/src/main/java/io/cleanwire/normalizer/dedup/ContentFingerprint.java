package io.cleanwire.normalizer.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The exact content fingerprint: SHA-256 over the cleaned title and the plain text of the content,
 * case-folded and whitespace-collapsed, as the first 32 hex characters (128 bits).
 */
public final class ContentFingerprint {

  private ContentFingerprint() {}

  /** Fingerprint of a title and a body text (either may be null). */
  public static String exact(String title, String text) {
    return sha256Hex(canonicalText(title, text)).substring(0, 32);
  }

  /**
   * Fingerprint of a title, a body text and the entry's media: gallery items with one caption and
   * different pictures are different content.
   */
  public static String exact(String title, String text, java.util.List<String> media) {
    if (media == null || media.isEmpty()) {
      return exact(title, text);
    }
    String m = String.join("\n", media.stream().sorted().toList());
    return sha256Hex(canonicalText(title, text) + "\n\u0000media\n" + m).substring(0, 32);
  }

  /** The text that is hashed; two entries with equal canonical text are the same content. */
  static String canonicalText(String title, String text) {
    // Title and body are folded apart so that moving words across the boundary changes the hash.
    return fold(title) + "\n" + fold(text);
  }

  private static String fold(String text) {
    if (text == null) {
      return "";
    }
    // upper then lower folds ß/ss and final sigma alike, without a locale's special rules.
    String folded = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return collapseSpaces(folded).strip();
  }

  /**
   * Every run of white space or Unicode separators ({@code [\s\p{Z}]+}) as one space, without a
   * regular expression (this runs on every entry).
   */
  static String collapseSpaces(String text) {
    StringBuilder out = null;
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        if (!inRun) {
          out.append(' ');
          inRun = true;
        }
      } else {
        if (out != null) {
          out.append(c);
        }
        inRun = false;
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isSpace(char c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return true; // \s: space, tab, newline, vertical tab, form feed, carriage return
    }
    if (c < 0x80) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}, lower-case hex. */
  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

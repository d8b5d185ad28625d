package io.cleanwire.normalizer.repair;

import io.cleanwire.normalizer.text.RepairKinds;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes UTF-8 written as byte escapes ({@code \xe2\x80\x99}, and the same with the backslashes
 * stripped: {@code xe2x80x99}) and {@code \}{@code uXXXX} escapes (surrogate pairs included).
 *
 * <p>Only complete, valid UTF-8 sequences of non-ASCII characters are decoded: {@code x86}, {@code
 * deadbeefxc3}, {@code 0xE280}, {@code \x41} and {@code C:\Users} stay as they are. A stripped
 * escape right after a {@code 0} is a hexadecimal literal and is left alone.
 */
public final class EscapedBytes implements TextStep {

  /** Repair kind: escaped UTF-8 bytes or Unicode escapes decoded. */
  public static final String KIND = RepairKinds.ESCAPED_BYTES;

  @Override
  public String apply(String text, RepairLog log) {
    if (!mayContainEscapes(text)) {
      return text;
    }
    int[] count = new int[1];
    String out = decodeHexBytes(text, count);
    int hex = count[0];
    count[0] = 0;
    out = decodeUnicodeEscapes(out, count);
    int uni = count[0];
    if (hex + uni == 0) {
      return text;
    }
    List<String> parts = new ArrayList<>(2);
    if (hex > 0) {
      parts.add(hex + " UTF-8 byte " + (hex == 1 ? "sequence" : "sequences"));
    }
    if (uni > 0) {
      parts.add(uni + " \\u " + (uni == 1 ? "escape" : "escapes"));
    }
    log.record(KIND, "decoded " + String.join(" and ", parts));
    return out;
  }

  /** Cheap test: an {@code x} followed by a hex byte of a UTF-8 lead, or a {@code \\u}. */
  public static boolean mayContainEscapes(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (escapeMayStartAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an escape of a UTF-8 lead byte or a Unicode escape may start at {@code i}. */
  static boolean escapeMayStartAt(String text, int i) {
    if (i + 3 >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    if (c == 'x') {
      char h = text.charAt(i + 1);
      return (h >= 'c' && h <= 'f' || h >= 'C' && h <= 'F') && hexValue(text.charAt(i + 2)) >= 0;
    }
    if (c == '\\') {
      return text.charAt(i + 1) == 'u' || escapeMayStartAt(text, i + 1);
    }
    return false;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Whether {@code i} starts a word (so {@code 0x} there is a hexadecimal literal). */
  private static boolean startsWord(String s, int i) {
    return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
  }

  /** Parses one escape at {@code i}: {@code xHH} or {@code \xHH}; returns the byte or -1. */
  private static int escapeAt(String s, int i, int[] len) {
    int j = i;
    if (j < s.length() && s.charAt(j) == '\\') {
      j++;
    }
    if (j + 2 >= s.length() || s.charAt(j) != 'x') {
      return -1;
    }
    int h1 = hexValue(s.charAt(j + 1));
    int h2 = hexValue(s.charAt(j + 2));
    if (h1 < 0 || h2 < 0) {
      return -1;
    }
    len[0] = j + 3 - i;
    return h1 * 16 + h2;
  }

  private static String decodeHexBytes(String s, int[] count) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    int copied = 0;
    int[] len = new int[1];
    int[] bytes = new int[4];
    int[] ends = new int[4];
    while (i < n) {
      char c = s.charAt(i);
      if (c != 'x' && c != '\\') {
        i++;
        continue;
      }
      if (c == 'x' && i > 0 && s.charAt(i - 1) == '0' && i >= copied + 1 && startsWord(s, i - 1)) {
        i++;
        continue;
      }
      int lead = escapeAt(s, i, len);
      if (lead < 0xC2 || lead > 0xF4) {
        i++;
        continue;
      }
      int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
      bytes[0] = lead;
      int j = i + len[0];
      ends[0] = j;
      boolean ok = true;
      for (int k = 1; k <= need; k++) {
        int b = escapeAt(s, j, len);
        if (b < 0x80 || b > 0xBF) {
          ok = false;
          break;
        }
        if (k == 1
            && (lead == 0xE0 && b < 0xA0
                || lead == 0xED && b > 0x9F
                || lead == 0xF0 && b < 0x90
                || lead == 0xF4 && b > 0x8F)) {
          ok = false;
          break;
        }
        bytes[k] = b;
        j += len[0];
      }
      if (!ok) {
        i++;
        continue;
      }
      int cp = lead & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
      for (int k = 1; k <= need; k++) {
        cp = (cp << 6) | (bytes[k] & 0x3F);
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i).appendCodePoint(cp);
      count[0]++;
      i = j;
      copied = j;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static int unicodeAt(String s, int i) {
    if (i + 6 > s.length()) {
      return -1;
    }
    if (s.charAt(i) != '\\' || s.charAt(i + 1) != 'u') {
      return -1;
    }
    int v = 0;
    for (int k = 2; k < 6; k++) {
      int h = hexValue(s.charAt(i + k));
      if (h < 0) {
        return -1;
      }
      v = v * 16 + h;
    }
    return v;
  }

  private static String decodeUnicodeEscapes(String s, int[] count) {
    if (s.indexOf("\\u") < 0) {
      return s;
    }
    StringBuilder out = null;
    int n = s.length();
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (s.charAt(i) != '\\' || i > 0 && s.charAt(i - 1) == '\\') {
        i++;
        continue;
      }
      int v = unicodeAt(s, i);
      if (v < 0x80) {
        i++;
        continue;
      }
      int end = i + 6;
      int cp = v;
      if (Character.isHighSurrogate((char) v)) {
        int low = unicodeAt(s, end);
        if (low < 0 || !Character.isLowSurrogate((char) low)) {
          i++;
          continue;
        }
        cp = Character.toCodePoint((char) v, (char) low);
        end += 6;
      } else if (Character.isLowSurrogate((char) v) || v == 0xFFFE || v == 0xFFFF) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i).appendCodePoint(cp);
      count[0]++;
      i = end;
      copied = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }
}

package io.cleanwire.publisher.syndication;

/**
 * Makes any Java string legal XML 1.0 character data, so that no stored text can make an output
 * feed ill-formed.
 *
 * <p>Removed: C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; unpaired surrogates. Markup
 * characters ({@code <}, {@code &}, {@code ]]>}) are left alone: the XML writer escapes them.
 */
public final class XmlText {

  private XmlText() {}

  /** The text with every character XML 1.0 forbids removed; null stays null. */
  public static String clean(String text) {
    if (text == null || isLegal(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(XmlText::isLegalChar).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** True when every code point is allowed by the XML 1.0 {@code Char} production. */
  public static boolean isLegal(String text) {
    int n = text.length();
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      if (c >= 0x20 && c <= 0xD7FF) {
        continue; // almost every character of real text
      }
      if (Character.isHighSurrogate(c)
          && k + 1 < n
          && Character.isLowSurrogate(text.charAt(k + 1))) {
        k++; // a pair: U+10000..U+10FFFF, always legal
        continue;
      }
      if (!isLegalChar(c)) {
        return false;
      }
    }
    return true;
  }

  // String.codePoints() yields an unpaired surrogate as its own value, which falls outside every
  // allowed range below and is therefore dropped.
  private static boolean isLegalChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}

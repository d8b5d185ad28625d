package io.cleanwire.normalizer.text;

/**
 * Collapses whitespace runs to one space and trims the ends; in paragraph mode line breaks survive
 * (one per paragraph, blank lines dropped).
 *
 * <p>A single no-break space between words is kept: French typography and number formatting use it
 * on purpose, and it renders like a space anyway.
 */
public final class Whitespace implements TextStep {

  private final boolean keepLineBreaks;

  private Whitespace(boolean keepLineBreaks) {
    this.keepLineBreaks = keepLineBreaks;
  }

  /** Everything on one line (titles, labels). */
  public static Whitespace singleLine() {
    return new Whitespace(false);
  }

  /** Line breaks kept between paragraphs (summaries). */
  public static Whitespace paragraphs() {
    return new Whitespace(true);
  }

  @Override
  public String apply(String text, RepairLog log) {
    String out = normalize(text, keepLineBreaks);
    if (!out.equals(text)) {
      log.record(RepairKinds.WHITESPACE, "collapsed whitespace");
    }
    return out;
  }

  /** The normalization itself, shared with the HTML-to-text step. */
  static String normalize(String text, boolean keepLineBreaks) {
    if (!keepLineBreaks) {
      return collapseLine(text);
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (String line : lines) {
      String cleaned = collapseLine(line);
      if (!cleaned.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(cleaned);
      }
    }
    return out.toString();
  }

  private static String collapseLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      boolean atEdge = start == 0 || i == n;
      if (atEdge) {
        continue;
      }
      if (i - start == 1 && (c == ' ' || isNoBreakSpace(c))) {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    return out.toString();
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isNoBreakSpace(char c) {
    return c == '\u00A0' || c == '\u202F' || c == '\u2007';
  }
}

package io.cleanwire.normalizer.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Decodes HTML character references only when they are complete: a known name or a number, closed
 * by a semicolon.
 *
 * <p>Browsers (and jsoup) also decode legacy references without a semicolon ({@code &not}, {@code
 * &copy}) and prefixes of unknown names ({@code &notit;} becomes {@code ¬it;}); in feed text those
 * are far more often literal ampersands ({@code AT&T}, {@code ?a=1&not=2}), so this class escapes
 * every ampersand that does not start a strict reference before jsoup sees the text.
 */
public final class StrictEntities {

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});|([A-Za-z][A-Za-z0-9]{0,31});)");

  private StrictEntities() {}

  /** Returns how many strict references {@code text} holds. */
  public static int count(String text) {
    if (text.indexOf('&') < 0) {
      return 0;
    }
    int count = 0;
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (m.group(3) == null || Entities.isNamedEntity(m.group(3))) {
        count++;
      }
    }
    return count;
  }

  /**
   * Escapes every ampersand that does not start a strict reference, so that an HTML parser decodes
   * exactly the strict references and leaves the rest as text.
   */
  public static String protect(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    Matcher m = REFERENCE.matcher(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      if (m.find(i)
          && m.start() == i
          && (m.group(3) == null || Entities.isNamedEntity(m.group(3)))) {
        out.append(text, i, m.end());
        i = m.end();
      } else {
        out.append("&amp;");
        i++;
      }
    }
    return out.toString();
  }

  /** Decodes the strict references of plain text, one level only. */
  public static String decode(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return Parser.unescapeEntities(protect(text), false);
  }
}

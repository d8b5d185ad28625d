package io.cleanwire.normalizer.repair;

import io.cleanwire.normalizer.text.RepairKinds;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextStep;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Decodes character references left in text after the one level of decoding that HTML (or the
 * strict text rules) already did: double- and triple-escaped references such as {@code &amp;rsquo;}
 * or {@code &amp;amp;#8217;}.
 *
 * <p>Only references to ordinary characters are decoded, and only complete ones (semicolon
 * required). References to the characters that make markup ({@code &lt;}, {@code &gt;}, {@code
 * &amp;}) are left, because text that talks about HTML escapes them on purpose.
 */
public final class NestedEntities implements TextStep {

  /** Repair kind recorded: the same word as the first level of decoding. */
  public static final String KIND = RepairKinds.HTML_ENTITIES;

  private static final Pattern NESTED =
      Pattern.compile("&(?:amp;)*(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)");

  private static final Set<String> MARKUP_NAMES = Set.of("amp;", "lt;", "gt;");

  @Override
  public String apply(String text, RepairLog log) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = NESTED.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int count = 0;
    while (m.find()) {
      String body = m.group(1);
      String decoded = decode(body);
      if (decoded == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, m.start()).append(decoded);
      copied = m.end();
      count++;
    }
    if (out == null) {
      return text;
    }
    log.record(KIND, "decoded " + count + " nested character references");
    return out.append(text, copied, text.length()).toString();
  }

  /** The character a reference body stands for, or null when it must stay. */
  private static String decode(String body) {
    int cp;
    if (body.charAt(0) == '#') {
      String digits = body.substring(body.charAt(1) == 'x' || body.charAt(1) == 'X' ? 2 : 1);
      int radix = digits.length() == body.length() - 1 ? 10 : 16;
      try {
        cp = Integer.parseInt(digits.substring(0, digits.length() - 1), radix);
      } catch (NumberFormatException e) {
        return null;
      }
      if (cp == '&' || cp == '<' || cp == '>' || cp < 0x20 || cp > 0x10FFFF) {
        return null;
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        return null;
      }
      return new String(Character.toChars(cp));
    }
    if (MARKUP_NAMES.contains(body)) {
      return null;
    }
    String name = body.substring(0, body.length() - 1);
    if (!Entities.isNamedEntity(name)) {
      return null;
    }
    return Parser.unescapeEntities("&" + body, false);
  }
}

package io.cleanwire.fetcher.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes decoded feed text acceptable to a strict XML parser the way feedparser and CommaFeed do:
 * drops text before the first tag, removes characters XML forbids, turns HTML entity names into
 * numeric references and escapes bare ampersands. Refuses document type declarations, except the
 * well-known external RSS 0.91 one, which is removed unread.
 */
final class XmlCleaner {

  private static final Pattern DOCTYPE =
      Pattern.compile("<!DOCTYPE\\s[^>\\[]*(\\[)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NETSCAPE_RSS_DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\""
              + "(\\s+\"[^\"]*\")?\\s*>",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern AMPERSAND =
      Pattern.compile("&(#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};?)?");
  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

  private XmlCleaner() {}

  /**
   * The cleaned text and what had to be repaired (empty when the text was already well-formed
   * enough).
   */
  record Cleaned(String text, List<String> repairs) {}

  static Cleaned clean(String text) throws FeedParseException {
    Set<String> repairs = new LinkedHashSet<>();
    String t = text;
    if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
      t = t.substring(1);
    }
    int firstTag = t.indexOf('<');
    if (firstTag < 0) {
      throw new FeedParseException("no markup at all", null);
    }
    if (firstTag > 0) {
      if (!t.substring(0, firstTag).isBlank()) {
        repairs.add("removed " + firstTag + " characters before the first tag");
      }
      t = t.substring(firstTag);
    }
    t = doctype(t, repairs);
    t = removeIllegalCharacters(t, repairs);
    t = fixAmpersands(t, repairs);
    return new Cleaned(t, List.copyOf(repairs));
  }

  private static String doctype(String text, Set<String> repairs) throws FeedParseException {
    Matcher netscape = NETSCAPE_RSS_DOCTYPE.matcher(text);
    if (netscape.find() && netscape.start() < 1024) {
      repairs.add("removed the RSS 0.91 document type declaration without reading it");
      text = text.substring(0, netscape.start()) + text.substring(netscape.end());
    }
    Matcher doctype = DOCTYPE.matcher(text);
    if (doctype.find()) {
      throw new FeedParseException(
          "document type declarations (DTD) are refused: they can load external entities (XXE)"
              + " or expand into entity bombs"
              + (doctype.group(1) != null ? " (internal subset present)" : ""),
          null);
    }
    return text;
  }

  private static String removeIllegalCharacters(String text, Set<String> repairs) {
    StringBuilder out = null;
    int removed = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean legal;
      int width = 1;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        legal = true;
        width = 2;
      } else {
        legal =
            c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!legal) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        removed++;
      } else if (out != null) {
        out.append(text, i, i + width);
      }
      i += width - 1;
    }
    if (out == null) {
      return text;
    }
    repairs.add("removed " + removed + " characters that XML forbids");
    return out.toString();
  }

  /** Entity fixes outside CDATA sections and comments, where '&' means nothing. */
  private static String fixAmpersands(String text, Set<String> repairs) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    int pos = 0;
    while (pos < text.length()) {
      int cdata = text.indexOf("<![CDATA[", pos);
      int comment = text.indexOf("<!--", pos);
      int next = minPositive(cdata, comment);
      if (next < 0) {
        out.append(fixSegment(text.substring(pos), repairs));
        break;
      }
      out.append(fixSegment(text.substring(pos, next), repairs));
      String terminator = next == cdata ? "]]>" : "-->";
      int end = text.indexOf(terminator, next);
      int stop = end < 0 ? text.length() : end + terminator.length();
      out.append(text, next, stop);
      pos = stop;
    }
    return out.toString();
  }

  private static int minPositive(int a, int b) {
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Math.min(a, b);
  }

  private static String fixSegment(String segment, Set<String> repairs) {
    if (segment.indexOf('&') < 0) {
      return segment;
    }
    Matcher m = AMPERSAND.matcher(segment);
    StringBuilder out = new StringBuilder(segment.length() + 16);
    List<String> htmlNames = new ArrayList<>();
    int bare = 0;
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref == null) {
        replacement = "&amp;";
        bare++;
      } else if (ref.startsWith("#")) {
        replacement = validCharacterReference(ref) ? "&" + ref : "";
      } else {
        boolean terminated = ref.endsWith(";");
        String name = terminated ? ref.substring(0, ref.length() - 1) : ref;
        if (terminated && XML_ENTITIES.contains(name)) {
          replacement = "&" + ref;
        } else if (terminated && Entities.isNamedEntity(name)) {
          StringBuilder numeric = new StringBuilder();
          for (int cp : Entities.getByName(name).codePoints().toArray()) {
            numeric.append("&#").append(cp).append(';');
          }
          replacement = numeric.toString();
          htmlNames.add(name);
        } else if (terminated && XML_ENTITIES.contains(name.toLowerCase(Locale.ROOT))) {
          replacement = "&" + name.toLowerCase(Locale.ROOT) + ";";
          htmlNames.add(name);
        } else {
          replacement = "&amp;" + ref;
          bare++;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    if (!htmlNames.isEmpty()) {
      repairs.add("converted undeclared HTML entities " + new LinkedHashSet<>(htmlNames));
    }
    if (bare > 0) {
      repairs.add("escaped " + bare + " bare '&'");
    }
    return out.toString();
  }

  private static boolean validCharacterReference(String ref) {
    try {
      int cp =
          ref.charAt(1) == 'x' || ref.charAt(1) == 'X'
              ? Integer.parseInt(ref.substring(2, ref.length() - 1), 16)
              : Integer.parseInt(ref.substring(1, ref.length() - 1));
      return cp == 0x9
          || cp == 0xA
          || cp == 0xD
          || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

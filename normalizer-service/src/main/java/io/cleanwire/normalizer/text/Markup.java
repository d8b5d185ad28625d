package io.cleanwire.normalizer.text;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a text field that may hold HTML into plain text: tags removed (block elements become line
 * breaks or spaces), character references decoded strictly and exactly once.
 *
 * <p>The field is treated as HTML only when it contains a tag of a known HTML element (or a
 * comment); otherwise only references are decoded, so that {@code x<y and y>z} and correctly
 * escaped text such as {@code &lt;script&gt;} stay what they say. Decoding happens once: {@code
 * &amp;amp;} becomes {@code &amp;}, because a second pass would damage text that talks about HTML.
 */
public final class Markup implements TextStep {

  private static final Pattern TAG =
      Pattern.compile("<(?:!--|/?([A-Za-z][A-Za-z0-9]*)(?:[\\s/][^<>]*)?>)");

  private final boolean keepLineBreaks;
  private final boolean decodeOnly;

  private Markup(boolean keepLineBreaks, boolean decodeOnly) {
    this.keepLineBreaks = keepLineBreaks;
    this.decodeOnly = decodeOnly;
  }

  /** HTML to a single line of text (titles). */
  public static Markup toSingleLine() {
    return new Markup(false, false);
  }

  /** HTML to paragraphs separated by line breaks (summaries). */
  public static Markup toParagraphs() {
    return new Markup(true, false);
  }

  /** Character references decoded, tags left alone (author and category labels). */
  public static Markup entitiesOnly() {
    return new Markup(false, true);
  }

  @Override
  public String apply(String text, RepairLog log) {
    int references = StrictEntities.count(text);
    Set<String> tags = decodeOnly ? Set.of() : tagsIn(text);
    if (tags.isEmpty()) {
      if (references == 0) {
        return text;
      }
      String decoded = StrictEntities.decode(text);
      if (!decoded.equals(text)) {
        log.record(RepairKinds.HTML_ENTITIES, "decoded " + references + " character references");
      }
      return decoded;
    }
    String plain = Whitespace.normalize(toText(StrictEntities.protect(text)), keepLineBreaks);
    log.record(RepairKinds.HTML_TO_TEXT, "removed " + String.join(", ", tags));
    if (references > 0) {
      log.record(RepairKinds.HTML_ENTITIES, "decoded " + references + " character references");
    }
    return plain;
  }

  /** Names of the known HTML elements whose tags appear in {@code text}, as {@code <name>}. */
  static Set<String> tagsIn(String text) {
    Set<String> tags = new LinkedHashSet<>();
    if (text.indexOf('<') < 0) {
      return tags;
    }
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (name == null) {
        tags.add("<!--comment-->");
      } else if (Tag.isKnownTag(name.toLowerCase(java.util.Locale.ROOT))) {
        tags.add("<" + name.toLowerCase(java.util.Locale.ROOT) + ">");
      }
    }
    return tags;
  }

  private String toText(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
              // Source line breaks inside HTML are just spaces; only elements make paragraphs.
              String text = textNode.getWholeText();
              for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c == '\r' || c == '\n' || c == '\t' || c == '\f' ? ' ' : c);
              }
            } else if (node instanceof Element el && breaksLine(el)) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el && breaksLine(el) && !"br".equals(el.normalName())) {
              out.append('\n');
            }
          }
        },
        doc.body());
    return out.toString();
  }

  private static final java.util.Set<String> INVISIBLE =
      java.util.Set.of("script", "style", "template", "title", "meta", "link", "head");

  private static boolean breaksLine(Element el) {
    String name = el.normalName();
    return "br".equals(name) || (el.tag().isBlock() && !INVISIBLE.contains(name));
  }
}

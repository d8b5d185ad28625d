package io.cleanwire.normalizer.sanitize;

import io.cleanwire.normalizer.repair.TextRepair;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.SimpleSteps;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Makes entry HTML safe to embed: the one allowlist of Cleanwire, applied with jsoup's {@link
 * Cleaner}, plus a report of what was removed.
 *
 * <p>Everything not listed in {@link #allowlist()} is dropped (its text kept): no script, style,
 * iframe, object, embed, form, meta, base or link element, no {@code on*} or {@code style}
 * attribute. Link targets must be http, https or mailto and images http or https, checked after
 * jsoup decoded character references and resolved the URL, so {@code &#106;avascript:} and
 * tab/newline/case tricks are refused. Links get {@code rel="noopener noreferrer"} and {@code
 * referrerpolicy="no-referrer"}. Relative URLs are made absolute against the entry link (and
 * dropped when there is none); {@code preserveRelativeLinks} stays off (CVE-2022-36033 history).
 */
public final class HtmlSanitizer {

  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

  private final Safelist safelist = allowlist();
  private final TextRepair textRepair = new TextRepair();

  /** The allowlist; the only place Cleanwire decides which HTML may reach a reader. */
  public static Safelist allowlist() {
    return new Safelist()
        .addTags(
            "a",
            "abbr",
            "b",
            "blockquote",
            "br",
            "caption",
            "cite",
            "code",
            "col",
            "colgroup",
            "dd",
            "del",
            "div",
            "dl",
            "dt",
            "em",
            "figcaption",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "img",
            "ins",
            "li",
            "mark",
            "ol",
            "p",
            "pre",
            "q",
            "s",
            "small",
            "span",
            "strike",
            "strong",
            "sub",
            "sup",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "time",
            "tr",
            "u",
            "ul")
        // semantic containers: harmless, and unwrapping them would be reported on most articles
        .addTags("article", "aside", "footer", "header", "section")
        .addAttributes("a", "href", "title")
        .addAttributes("abbr", "title")
        .addAttributes("blockquote", "cite")
        .addAttributes("col", "span", "width")
        .addAttributes("colgroup", "span", "width")
        .addAttributes("img", "alt", "height", "src", "title", "width")
        .addAttributes("ol", "start", "type")
        .addAttributes("q", "cite")
        .addAttributes("table", "summary")
        .addAttributes("td", "abbr", "colspan", "rowspan")
        .addAttributes("th", "abbr", "colspan", "rowspan", "scope")
        .addAttributes("time", "datetime")
        .addProtocols("a", "href", "http", "https", "mailto")
        .addProtocols("blockquote", "cite", "http", "https")
        .addProtocols("q", "cite", "http", "https")
        .addProtocols("img", "src", "http", "https")
        .addEnforcedAttribute("a", "rel", "noopener noreferrer")
        .addEnforcedAttribute("a", "referrerpolicy", "no-referrer")
        .preserveRelativeLinks(false);
  }

  /**
   * Sanitizes {@code html}, resolving relative URLs against {@code baseUri} (the entry link, may be
   * null).
   */
  public Sanitized sanitize(String html, String baseUri) {
    return sanitize(html, baseUri, null);
  }

  /**
   * Sanitizes {@code html} and repairs the broken characters of its text (escaped bytes, nested
   * references, mojibake), recording those repairs in {@code log} (may be null: no text repair).
   */
  public Sanitized sanitize(String html, String baseUri, RepairLog log) {
    String base = baseUri == null ? "" : baseUri;
    Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html, base);
    List<String> removed = List.copyOf(unsafeParts(dirty));
    Document clean = new Cleaner(safelist).clean(dirty);
    clean
        .outputSettings()
        .prettyPrint(false)
        .charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.base);
    boolean nfc = false;
    boolean illegal = false;
    RepairLog textLog = new RepairLog(log == null ? "contentHtml" : log.field());
    for (TextNode node : allTextNodes(clean)) {
      String text = node.getWholeText();
      if (log != null) {
        String repaired = textRepair.apply(text, textLog);
        if (!repaired.equals(text)) {
          node.text(repaired);
          text = repaired;
        }
      }
      String withoutIllegal = SimpleSteps.withoutXmlIllegal(text);
      illegal |= !withoutIllegal.equals(text);
      String normalized =
          SimpleSteps.isQuickNfc(withoutIllegal)
              ? withoutIllegal
              : Normalizer.normalize(withoutIllegal, Normalizer.Form.NFC);
      nfc |= !normalized.equals(withoutIllegal);
      if (!normalized.equals(text)) {
        node.text(normalized);
      }
    }
    if (log != null) {
      // One record per kind for the whole field, not one per text node.
      java.util.Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
      for (io.cleanwire.events.Repair r : textLog.repairs()) {
        kinds.merge(r.kind(), 1, Integer::sum);
      }
      kinds.forEach((kind, n) -> log.record(kind, "repaired in " + n + " text nodes"));
    }
    String plainText = clean.body().text();
    boolean visible = !plainText.isBlank() || !clean.body().select("img").isEmpty();
    return new Sanitized(clean.body().html(), plainText, visible, removed, nfc, illegal);
  }

  private static List<TextNode> allTextNodes(Document doc) {
    List<TextNode> nodes = new ArrayList<>();
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode text) {
            nodes.add(text);
          }
        },
        doc.body());
    return nodes;
  }

  /**
   * Describes what the cleaner will drop: elements as {@code <name>}, attributes as {@code name=}.
   */
  private Set<String> unsafeParts(Document dirty) {
    Set<String> parts = new LinkedHashSet<>();
    for (Element el : dirty.body().getAllElements()) {
      if (el == dirty.body()) {
        continue;
      }
      String tag = el.normalName();
      if (!safelist.isSafeTag(tag)) {
        parts.add("<" + tag + ">");
        continue;
      }
      for (Attribute attr : el.attributes().asList()) {
        if (isStylingHook(attr.getKey())) {
          continue;
        }
        String before = attr.getValue();
        // isSafeAttribute resolves URLs in place; the dirty copy is thrown away afterwards.
        if (!safelist.isSafeAttribute(tag, el, attr.clone())) {
          parts.add(describe(attr.getKey(), before));
        }
      }
    }
    return parts;
  }

  /**
   * Class, id and data attributes are dropped too, but only mean something to the source page's own
   * CSS and scripts; reporting them would flag nearly every entry as "sanitized".
   */
  private static boolean isStylingHook(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    return name.equals("class") || name.equals("id") || name.startsWith("data-");
  }

  private static String describe(String key, String value) {
    String name = key.toLowerCase(Locale.ROOT);
    if (URL_ATTRIBUTES.contains(name)) {
      String compact = value.replaceAll("[\\s\\u0000-\\u001F]", "").toLowerCase(Locale.ROOT);
      int colon = compact.indexOf(':');
      if (colon > 0 && compact.substring(0, colon).matches("[a-z][a-z0-9+.-]*")) {
        return name + "=" + compact.substring(0, colon + 1);
      }
    }
    return name + "=";
  }

  /**
   * The result of sanitizing.
   *
   * @param html safe HTML, UTF-8 characters rather than references
   * @param plainText the visible text, whitespace collapsed
   * @param hasVisibleContent whether any text or image is left
   * @param removed what was removed, e.g. {@code <script>}, {@code onclick=}, {@code
   *     href=javascript:}
   * @param normalizedNfc whether text nodes were brought to NFC
   * @param removedIllegalCharacters whether XML-illegal characters were removed from text nodes
   */
  public record Sanitized(
      String html,
      String plainText,
      boolean hasVisibleContent,
      List<String> removed,
      boolean normalizedNfc,
      boolean removedIllegalCharacters) {}
}

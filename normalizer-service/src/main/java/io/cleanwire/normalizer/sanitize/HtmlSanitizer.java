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
    int lazy = loadLazyImages(dirty);
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
    int pixels = removeTrackingPixels(clean);
    if (pixels > 0) {
      List<String> withPixels = new ArrayList<>(removed);
      withPixels.add(pixels == 1 ? "1 tracking pixel" : pixels + " tracking pixels");
      removed = List.copyOf(withPixels);
    }
    String plainText = clean.body().text();
    List<String> images =
        clean.body().select("img[src]").stream().map(img -> img.attr("src")).distinct().toList();
    boolean visible = !plainText.isBlank() || !images.isEmpty();
    return new Sanitized(
        clean.body().html(), plainText, visible, removed, nfc, illegal, images, lazy);
  }

  /** Where lazy-loading scripts keep an image's real source, most used first. */
  private static final List<String> LAZY_SOURCES =
      List.of("data-src", "data-lazy-src", "data-original", "data-lazy");

  /**
   * Gives lazy-loaded images their real source. Pages that load pictures by script ship {@code <img
   * src="placeholder.gif" data-src="photo.jpg">} or no {@code src} at all; the script never runs in
   * a feed reader, and the data attribute does not survive sanitizing, so the picture would be lost
   * (or every picture would be the same placeholder). Returns how many were given.
   */
  static int loadLazyImages(Document doc) {
    int loaded = 0;
    for (Element img : doc.body().select("img")) {
      for (String attribute : LAZY_SOURCES) {
        String real = img.attr(attribute).strip();
        String lower = real.toLowerCase(Locale.ROOT);
        if (!real.isEmpty() && !lower.startsWith("data:") && !real.equals(img.attr("src"))) {
          img.attr("src", real);
          loaded++;
          break;
        }
      }
    }
    return loaded;
  }

  /** Hosts whose images only count reads: feed-statistics and ad beacons. */
  private static final List<String> BEACON_HOSTS =
      List.of(
          "pixel.wp.com",
          "stats.wordpress.com",
          "stats.wp.com",
          "feeds.feedblitz.com",
          "pixel.quantserve.com",
          "www.google-analytics.com",
          "google-analytics.com",
          "ad.doubleclick.net",
          "pi.feedsportal.com",
          "da.feedsportal.com");

  /**
   * Removes the images a reader's client would fetch only to report that the entry was read: images
   * declared 0 or 1 pixel wide or high, Feedburner's per-item pixel and "flare" buttons ({@code
   * /~r/}, {@code /~ff/}), WordPress.com's per-post comment counters, and the beacon hosts above. A
   * link left empty by the removal goes with it. Returns how many images were removed.
   *
   * <p>Re-syndicating them would tell the source about every reader of Cleanwire's feeds, and they
   * differ from copy to copy of one story.
   */
  static int removeTrackingPixels(Document doc) {
    int removed = 0;
    for (Element img : doc.body().select("img")) {
      if (!isTrackingPixel(img)) {
        continue;
      }
      Element parent = img.parent();
      img.remove();
      removed++;
      if (parent != null
          && parent.normalName().equals("a")
          && parent.childrenSize() == 0
          && parent.text().isBlank()) {
        parent.remove();
      }
    }
    return removed;
  }

  static boolean isTrackingPixel(Element img) {
    if (atMostOnePixel(img.attr("width")) || atMostOnePixel(img.attr("height"))) {
      return true;
    }
    String src = img.attr("src");
    java.net.URI uri;
    try {
      uri = java.net.URI.create(src.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (host.endsWith("feedburner.com") && (path.contains("/~r/") || path.contains("/~ff/"))) {
      return true;
    }
    if (host.equals("feeds.wordpress.com") && path.startsWith("/1.0/comments/")) {
      return true;
    }
    return BEACON_HOSTS.contains(host);
  }

  /** A width or height of 0 or 1 ({@code "1"}, {@code "1px"}, {@code "0"}). */
  private static boolean atMostOnePixel(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.endsWith("px")) {
      v = v.substring(0, v.length() - 2).strip();
    }
    return v.equals("0") || v.equals("1");
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
   * @param images the absolute {@code src} of every image left, in document order, once each
   * @param lazyImages how many lazy-loaded images were given their real source
   */
  public record Sanitized(
      String html,
      String plainText,
      boolean hasVisibleContent,
      List<String> removed,
      boolean normalizedNfc,
      boolean removedIllegalCharacters,
      List<String> images,
      int lazyImages) {}
}

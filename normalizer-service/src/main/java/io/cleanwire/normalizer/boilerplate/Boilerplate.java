package io.cleanwire.normalizer.boilerplate;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.text.RepairKinds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Removes boilerplate lines from an entry's summary text and content HTML: configured rules, lines
 * the feed repeats across many entries (learned through a {@link FeedLineStore}), and lines
 * repeated inside the entry.
 *
 * <p>In HTML a "line" is a leaf block (a paragraph, list item, caption... with no block inside),
 * or, where {@code <br>} breaks a leaf block or the text outside any block, each piece between two
 * breaks: aggregators append "Posted via …" after a {@code <br>} as often as in a paragraph of its
 * own. A blank line inside text also ends a line: feeds that send plain-text paragraphs (or one
 * {@code <p>} around several of them) separate them that way, and an aggregator's "shared this
 * story" wrapper is then a paragraph of its own in everything but markup. Text inside {@code <pre>}
 * and {@code <textarea>} is never split. A field is never emptied by this step: when every line of
 * it would go, it is left as it is.
 */
public final class Boilerplate {

  /** Repair kind: lines matching a configured rule removed. */
  public static final String KIND_RULE = RepairKinds.BOILERPLATE;

  /** Repair kind: lines this feed repeats in many entries removed. */
  public static final String KIND_LEARNED = RepairKinds.LEARNED_BOILERPLATE;

  /** Repair kind: a line repeated inside the entry kept once. */
  public static final String KIND_REPEATED = RepairKinds.REPEATED_LINES;

  /** Learning limits. */
  public record Learning(boolean enabled, int maxLineChars) {}

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "figcaption",
          "blockquote",
          "td",
          "th",
          "dt",
          "dd",
          "pre",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "figure",
          "caption",
          "table",
          "ul",
          "ol",
          "dl",
          "tr");

  private final LineFilter filter;
  private final FeedLineStore store;
  private final Learning learning;

  public Boilerplate(LineFilter filter, FeedLineStore store, Learning learning) {
    this.filter = filter;
    this.store = store;
    this.learning = learning;
  }

  /** Bundled rules, in-entry repetition of 3, no learning: for tools and tests. */
  public static Boilerplate defaults() {
    return new Boilerplate(
        new LineFilter(BoilerplateRules.bundled(), new LineFilter.Repetition(160, 3)),
        FeedLineStore.NONE,
        new Learning(false, 200));
  }

  /** The stripped fields and what was removed. */
  public record Stripped(String summary, String contentHtml, List<Repair> repairs) {}

  /**
   * Strips {@code summary} (plain text, one paragraph per line) and {@code contentHtml} (sanitized
   * HTML); {@code observe} counts the entry's lines for learning (false for previews).
   */
  public Stripped strip(
      String feedUrl, String entryKey, String summary, String contentHtml, boolean observe) {
    List<String> summaryLines =
        summary == null || summary.isEmpty() ? List.of() : List.of(summary.split("\n", -1));
    Document doc =
        contentHtml == null || contentHtml.isBlank() ? null : Jsoup.parseBodyFragment(contentHtml);
    List<HtmlLine> blocks = doc == null ? List.of() : htmlLines(doc);
    List<String> blockLines = new ArrayList<>(blocks.size());
    for (HtmlLine line : blocks) {
      blockLines.add(line.text());
    }

    Set<String> learnedKeys = Set.of();
    if (learning.enabled() && feedUrl != null) {
      Map<String, String> byHash = new HashMap<>();
      for (List<String> lines : List.of(summaryLines, blockLines)) {
        for (String line : lines) {
          String key = LineFilter.key(line);
          if (key.length() >= 3 && key.length() <= learning.maxLineChars()) {
            byHash.putIfAbsent(hash(key), key);
          }
        }
      }
      if (!byHash.isEmpty()) {
        Set<String> known = store.boilerplate(feedUrl, byHash.keySet());
        learnedKeys = new LinkedHashSet<>();
        for (String h : known) {
          learnedKeys.add(byHash.get(h));
        }
        if (observe) {
          store.observe(feedUrl, entryKey, byHash.keySet());
        }
      }
    }

    List<Repair> repairs = new ArrayList<>();
    String newSummary = summary;
    LineFilter.Verdict sv = filter.judge(summaryLines, learnedKeys);
    if (!sv.isEmpty() && mayDrop(sv, summaryLines)) {
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < summaryLines.size(); i++) {
        if (!sv.dropped().contains(i)) {
          kept.add(summaryLines.get(i));
        }
      }
      newSummary = kept.isEmpty() ? null : String.join("\n", kept);
      record(repairs, "summary", sv);
    }
    String newHtml = contentHtml;
    Set<Integer> pieces = new java.util.HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).nodes() != null) {
        pieces.add(i);
      }
    }
    LineFilter.Verdict cv = filter.judge(blockLines, learnedKeys, pieces);
    if (!cv.isEmpty() && mayDrop(cv, blockLines)) {
      for (int i : cv.dropped()) {
        blocks.get(i).remove();
      }
      for (int i : cv.dropped()) {
        blocks.get(i).tidy();
      }
      doc.outputSettings()
          .prettyPrint(false)
          .charset(StandardCharsets.UTF_8)
          .escapeMode(Entities.EscapeMode.base);
      newHtml = doc.body().html();
      record(repairs, "contentHtml", cv);
    }
    return new Stripped(newSummary, newHtml, repairs);
  }

  /**
   * Rules are precise enough to empty a field (a summary that is only "shared this story from
   * ..."); learned and repeated lines are not: an entry that is nothing but such lines stays.
   */
  private static boolean mayDrop(LineFilter.Verdict v, List<String> lines) {
    return v.learned() == 0 && v.repeated() == 0 || v.dropped().size() < nonEmpty(lines);
  }

  private static int nonEmpty(List<String> lines) {
    int n = 0;
    for (String line : lines) {
      n += line.isBlank() ? 0 : 1;
    }
    return n;
  }

  private static void record(List<Repair> repairs, String field, LineFilter.Verdict v) {
    if (!v.ruleNames().isEmpty()) {
      repairs.add(new Repair(field, KIND_RULE, "removed " + String.join(", ", v.ruleNames())));
    }
    if (v.learned() > 0) {
      repairs.add(
          new Repair(field, KIND_LEARNED, "removed " + v.learned() + " lines the feed repeats"));
    }
    if (v.repeated() > 0) {
      repairs.add(new Repair(field, KIND_REPEATED, "removed " + v.repeated() + " repeated lines"));
    }
  }

  /**
   * One line of content HTML: a whole leaf block, or the nodes between two {@code <br>} of a leaf
   * block or of the body's own text.
   *
   * @param block the leaf block, or the body
   * @param nodes the line's nodes, or null for the whole block
   */
  private record HtmlLine(Element block, List<Node> nodes) {

    String text() {
      if (nodes == null) {
        return block.text();
      }
      StringBuilder out = new StringBuilder();
      for (Node n : nodes) {
        out.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "");
      }
      return out.toString(); // compared and hashed through LineFilter.key, which folds spaces
    }

    /** Removes the line, and the break that separated it from the line before (or after). */
    void remove() {
      if (nodes == null) {
        block.remove();
        return;
      }
      Node before = nodes.get(0).previousSibling();
      Node after = nodes.get(nodes.size() - 1).nextSibling();
      if (isBreak(before)) {
        before.remove();
      } else if (isBreak(after)) {
        after.remove();
      }
      nodes.forEach(Node::remove);
    }

    /**
     * After lines of a block went: breaks left at its start or end go, and a leaf block left with
     * nothing but breaks and white space goes too.
     */
    void tidy() {
      if (nodes == null || block.parent() == null) {
        return;
      }
      trimBreaks(block, true);
      trimBreaks(block, false);
      if (block == block.ownerDocument().body() || block.hasText()) {
        return;
      }
      for (Element inner : block.getAllElements()) {
        if (inner != block && !isBreak(inner)) {
          return; // an image or other element without text stays
        }
      }
      block.remove();
    }

    private static void trimBreaks(Element block, boolean atStart) {
      while (block.childNodeSize() > 0) {
        Node edge = block.childNode(atStart ? 0 : block.childNodeSize() - 1);
        if (isBreak(edge) || (edge instanceof TextNode t && t.isBlank())) {
          edge.remove();
        } else {
          return;
        }
      }
    }
  }

  private static boolean isBreak(Node n) {
    return n instanceof Element e && "br".equals(e.normalName());
  }

  /** A blank line: a line break, nothing but spaces or tabs, and another line break. */
  private static final java.util.regex.Pattern BLANK_LINE =
      java.util.regex.Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

  /** A blank line that ends the text. */
  private static final java.util.regex.Pattern BLANK_LINE_AT_END =
      java.util.regex.Pattern.compile(BLANK_LINE.pattern() + "\\z");

  /**
   * Splits every text node of {@code body} (outside {@code <pre>} and {@code <textarea>}) after
   * each blank line in it, so that a node ending in a blank line ends a line ({@link
   * #endsParagraph}). Only this step's own copy of the document is split; text and markup are
   * unchanged when it is written out.
   */
  private static void splitAtBlankLines(Element body) {
    List<TextNode> texts = new ArrayList<>();
    body.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t && t.getWholeText().indexOf('\n') >= 0) {
            texts.add(t);
          }
        });
    for (TextNode t : texts) {
      if (insidePreformatted(t)) {
        continue;
      }
      TextNode rest = t;
      java.util.regex.Matcher m = BLANK_LINE.matcher(rest.getWholeText());
      while (m.find() && m.end() < rest.getWholeText().length()) {
        rest = rest.splitText(m.end());
        m = BLANK_LINE.matcher(rest.getWholeText());
      }
    }
  }

  private static boolean insidePreformatted(Node n) {
    for (Element e = (Element) n.parentNode(); e != null; e = e.parent()) {
      if (e.normalName().equals("pre") || e.normalName().equals("textarea")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code n} is text that ends in a blank line (see {@link #splitAtBlankLines}). */
  private static boolean endsParagraph(Node n) {
    if (!(n instanceof TextNode t) || insidePreformatted(t)) {
      return false;
    }
    String text = t.getWholeText();
    return !text.isBlank() && BLANK_LINE_AT_END.matcher(text).find();
  }

  /** The lines of content HTML in document order (see {@link HtmlLine}). */
  private static List<HtmlLine> htmlLines(Document doc) {
    List<HtmlLine> lines = new ArrayList<>();
    Element body = doc.body();
    splitAtBlankLines(body);
    Map<Node, Integer> position = new HashMap<>();
    body.traverse((node, depth) -> position.put(node, position.size()));
    for (Element el : body.getAllElements()) {
      if (el == body) {
        addPieces(body, true, lines);
        continue;
      }
      if (!BLOCKS.contains(el.normalName()) || !el.hasText()) {
        continue;
      }
      boolean leaf = true;
      for (Element inner : el.getAllElements()) {
        if (inner != el && BLOCKS.contains(inner.normalName())) {
          leaf = false;
          break;
        }
      }
      if (leaf && !addPieces(el, false, lines)) {
        lines.add(new HtmlLine(el, null));
      }
    }
    // the body's own pieces were listed first: put every line where it stands in the document
    lines.sort(
        java.util.Comparator.comparingInt(
            l -> position.get(l.nodes() == null ? l.block() : l.nodes().get(0))));
    return lines;
  }

  /**
   * Adds the pieces between the {@code <br>} children of {@code parent} (its inline children only,
   * when {@code inlineOnly}: the body's text outside blocks) as lines, when there is a break;
   * returns whether there was one.
   */
  private static boolean addPieces(Element parent, boolean inlineOnly, List<HtmlLine> lines) {
    List<List<Node>> pieces = new ArrayList<>();
    List<Node> piece = new ArrayList<>();
    boolean broken = false;
    for (Node n : new ArrayList<>(parent.childNodes())) {
      if (isBreak(n)) {
        broken = true;
        pieces.add(piece);
        piece = new ArrayList<>();
      } else if (inlineOnly && n instanceof Element e && BLOCKS.contains(e.normalName())) {
        pieces.add(piece); // a block ends the run of inline text before it
        piece = new ArrayList<>();
      } else if (endsParagraph(n)) {
        broken = true;
        piece.add(n); // the blank line goes with the text before it
        pieces.add(piece);
        piece = new ArrayList<>();
      } else {
        piece.add(n);
      }
    }
    pieces.add(piece);
    if (!broken) {
      return false;
    }
    for (List<Node> p : pieces) {
      HtmlLine line = new HtmlLine(parent, p);
      if (!p.isEmpty() && !line.text().isBlank()) {
        lines.add(line);
      }
    }
    return true;
  }

  /** The stored form of a line: SHA-256 of its key, 32 hex digits. */
  public static String hash(String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(key.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

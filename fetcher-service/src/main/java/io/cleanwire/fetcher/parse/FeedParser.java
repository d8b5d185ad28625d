package io.cleanwire.fetcher.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.cleanwire.events.Enclosure;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns fetched feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) into a {@link
 * ParsedFeed}, as leniently as feedparser: the charset is decided by {@link CharsetDetector}, the
 * text is pre-cleaned by {@link XmlCleaner}, and a document Rome still refuses (unclosed tags, a
 * cut-off end) is re-serialized by jsoup's forgiving XML parser and read again, with every repair
 * recorded. Document type declarations are refused, so external entities and entity bombs are never
 * expanded.
 */
public final class FeedParser {

  private static final Pattern ROOT_ELEMENT = Pattern.compile("<[A-Za-z][^>]*>");
  private static final Pattern XML_LANG =
      Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern ENTRY_START =
      Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(?:item|entry)(?=[\\s>/])[^>]*>");
  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
  private static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";
  private static final String NO_IDENTITY = "entry has neither guid nor link";

  /**
   * Parses a feed document.
   *
   * @param body the document bytes exactly as fetched (after Content-Encoding decoding)
   * @param contentType the HTTP Content-Type header, may be null
   * @param feedUrl the feed URL, base for relative links
   * @throws FeedParseException when the document is not a readable feed, with the reason
   */
  public ParsedFeed parse(byte[] body, String contentType, String feedUrl)
      throws FeedParseException {
    if (body.length == 0) {
      throw new FeedParseException("empty document", null);
    }
    try {
      return parseDecoded(CharsetDetector.decode(body, contentType), contentType, feedUrl);
    } catch (RuntimeException | StackOverflowError e) {
      // Hostile input may trip runtime errors deep inside a parser: still not a readable feed.
      throw new FeedParseException("unreadable document (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private ParsedFeed parseDecoded(DecodedDocument doc, String contentType, String feedUrl)
      throws FeedParseException {
    if (JsonFeedParser.looksLikeJson(doc.text(), contentType)) {
      return JsonFeedParser.parse(doc, feedUrl);
    }
    if (looksLikeHtml(doc.text(), contentType)) {
      throw new FeedParseException(
          "an HTML page"
              + (contentType == null ? "" : " (Content-Type " + contentType + ")")
              + ", not RSS, Atom or JSON Feed",
          null);
    }
    XmlCleaner.Cleaned cleaned = XmlCleaner.clean(doc.text());
    List<String> repairs = new ArrayList<>(cleaned.repairs());
    String text = cleaned.text();
    SyndFeed feed;
    try {
      feed = build(text);
    } catch (FeedParseException strict) {
      if (strict.getCause() instanceof IllegalArgumentException) {
        throw strict; // well-formed XML of no known feed type: repairing will not change that
      }
      String repaired = reserialize(text);
      try {
        feed = build(repaired);
      } catch (FeedParseException stillBroken) {
        throw strict;
      }
      repairs.add("repaired malformed XML: " + strict.getMessage().substring(12));
      text = repaired;
    }
    return toParsedFeed(feed, text, doc, repairs, feedUrl);
  }

  private static SyndFeed build(String text) throws FeedParseException {
    try {
      SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
      // Keeps Rome's RSS/Atom objects so a missing <guid> is told apart from Rome's fallback.
      input.setPreserveWireFeed(true);
      // Already Rome's default; set so that nobody turns it on by accident.
      input.setAllowDoctypes(false);
      return input.build(new StringReader(text));
    } catch (FeedException e) {
      throw new FeedParseException(reason(e), e);
    } catch (IllegalArgumentException e) {
      // Rome signals an XML document of no known feed type with IllegalArgumentException.
      throw new FeedParseException(reason(e), e);
    }
  }

  /** Well-formed XML from broken XML: closes open elements, drops stray end tags. */
  private static String reserialize(String text) {
    Document repaired = Jsoup.parse(text, "", Parser.xmlParser());
    repaired
        .outputSettings()
        .prettyPrint(false)
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml)
        .charset("UTF-8");
    return repaired.outerHtml();
  }

  private static ParsedFeed toParsedFeed(
      SyndFeed feed, String text, DecodedDocument doc, List<String> repairs, String feedUrl) {
    String language = blankToNull(feed.getLanguage());
    if (language == null) {
      language = rootXmlLang(text);
    }
    List<SyndEntry> syndEntries = feed.getEntries();
    List<String> entryLanguages = entryXmlLangs(text, syndEntries.size());
    boolean rdf = isRdf(feed.getFeedType());
    // Atom's xml:base on the feed and on each entry, resolved against where the feed came from.
    String base = feedUrl;
    if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atomFeed
        && atomFeed.getXmlBase() != null) {
      base = absolute(atomFeed.getXmlBase(), feedUrl);
    }
    List<ParsedEntry> entries = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    for (int i = 0; i < syndEntries.size(); i++) {
      SyndEntry entry = syndEntries.get(i);
      Object wire = entry.getWireEntry();
      String entryBase =
          wire instanceof Entry atom && atom.getXmlBase() != null
              ? absolute(atom.getXmlBase(), base)
              : base;
      ParsedEntry parsed = entry(entry, wire, entryBase, rdf, entryLanguages.get(i));
      if (parsed.guid() == null && parsed.link() == null) {
        skipped.add(new SkippedEntry(i, parsed.title(), NO_IDENTITY));
      } else {
        entries.add(parsed);
      }
    }
    Duration ttl = null;
    if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
      ttl = Duration.ofMinutes(channel.getTtl());
    }
    return new ParsedFeed(
        feed.getFeedType(),
        blankToNull(feed.getTitle()),
        absolute(blankToNull(feed.getLink()), feedUrl),
        language,
        doc.declaredCharset(),
        doc.usedCharset(),
        entries,
        skipped,
        repairs,
        ttl);
  }

  /**
   * The xml:lang of each item/entry start tag in document order, or all nulls when the tags found
   * do not line up one to one with the entries Rome read.
   */
  static List<String> entryXmlLangs(String text, int expected) {
    List<String> langs = new ArrayList<>(expected);
    Matcher start = ENTRY_START.matcher(text);
    while (start.find()) {
      Matcher lang = XML_LANG.matcher(start.group());
      langs.add(lang.find() ? blankToNull(lang.group(1)) : null);
    }
    if (langs.size() != expected) {
      langs.clear();
      for (int i = 0; i < expected; i++) {
        langs.add(null);
      }
    }
    return langs;
  }

  private static ParsedEntry entry(
      SyndEntry entry, Object wire, String feedUrl, boolean rdf, String xmlLang) {
    String guid = guid(entry, wire, rdf);
    String link = null;
    if (wire instanceof Entry atom) {
      // Rome resolves xml:base into hrefResolved; the feed URL is the base of last resort.
      link = absolute(alternateLink(atom), feedUrl);
    }
    if (link == null) {
      link = absolute(blankToNull(entry.getLink()), feedUrl);
    }
    String original = feedburnerOrigLink(entry);
    if (original != null) {
      link = original;
    }
    return new ParsedEntry(
        guid,
        link,
        blankToNull(entry.getTitle()),
        entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue()),
        contents(entry.getContents()),
        authors(entry),
        categories(entry),
        instant(entry.getPublishedDate()),
        instant(entry.getUpdatedDate()),
        enclosures(entry, feedUrl),
        xmlLang != null ? xmlLang : dcLanguage(entry));
  }

  /**
   * The article's own URL that FeedBurner keeps in {@code feedburner:origLink} when it rewrites the
   * item link to its click-counting redirect ({@code feedproxy.google.com/~r/…}). The redirect
   * leads to the same page, but only the original matches the same story in other feeds, and
   * readers following it are not counted by a third party. Null when absent or not absolute
   * http(s).
   */
  private static String feedburnerOrigLink(SyndEntry entry) {
    for (Element element : entry.getForeignMarkup()) {
      if (FEEDBURNER.equals(element.getNamespaceURI()) && element.getName().equals("origLink")) {
        String url = blankToNull(element.getTextTrim());
        if (url != null) {
          String lower = url.toLowerCase(java.util.Locale.ROOT);
          if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return url;
          }
        }
      }
    }
    return null;
  }

  private static String dcLanguage(SyndEntry entry) {
    if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
      return blankToNull(dc.getLanguage());
    }
    return null;
  }

  private static String guid(SyndEntry entry, Object wire, boolean rdf) {
    if (wire instanceof Item item) {
      Guid guid = item.getGuid();
      if (guid != null) {
        return blankToNull(guid.getValue());
      }
      // RSS 1.0 identifies items by rdf:about; RSS 2.0 items without <guid> have no id at all,
      // even though Rome copies their link into the URI.
      return rdf ? blankToNull(item.getUri()) : null;
    }
    if (wire instanceof Entry atom) {
      return blankToNull(atom.getId());
    }
    return blankToNull(entry.getUri());
  }

  private static boolean isRdf(String feedType) {
    return "rss_1.0".equals(feedType) || "rss_0.9".equals(feedType);
  }

  /** The root element's xml:lang, which Rome does not report for Atom feeds. */
  static String rootXmlLang(String text) {
    String head = text.substring(0, Math.min(text.length(), 4096));
    Matcher root = ROOT_ELEMENT.matcher(head);
    if (!root.find()) {
      return null;
    }
    Matcher lang = XML_LANG.matcher(root.group());
    return lang.find() ? blankToNull(lang.group(1)) : null;
  }

  private static String alternateLink(Entry atom) {
    for (Link l : atom.getAlternateLinks()) {
      if (l.getHrefResolved() != null && !l.getHrefResolved().isBlank()) {
        return l.getHrefResolved();
      }
      if (l.getHref() != null && !l.getHref().isBlank()) {
        return l.getHref();
      }
    }
    return null;
  }

  private static String contents(List<SyndContent> contents) {
    if (contents == null || contents.isEmpty()) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (SyndContent content : contents) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        if (joined.length() > 0) {
          joined.append('\n');
        }
        joined.append(content.getValue());
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  private static List<String> authors(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndPerson person : entry.getAuthors()) {
      if (person.getName() != null && !person.getName().isBlank()) {
        names.add(person.getName().strip());
      }
    }
    if (names.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      names.add(entry.getAuthor().strip());
    }
    return List.copyOf(names);
  }

  private static List<String> categories(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndCategory category : entry.getCategories()) {
      if (category.getName() != null && !category.getName().isBlank()) {
        names.add(category.getName().strip());
      }
    }
    return List.copyOf(names);
  }

  private static List<Enclosure> enclosures(SyndEntry entry, String feedUrl) {
    List<Enclosure> result = new ArrayList<>();
    Set<String> urls = new LinkedHashSet<>();
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      String url = absolute(blankToNull(enclosure.getUrl()), feedUrl);
      if (url != null) {
        long length = enclosure.getLength();
        if (urls.add(url)) {
          result.add(
              new Enclosure(url, blankToNull(enclosure.getType()), length > 0 ? length : null));
        }
      }
    }
    // Media RSS: Rome keeps media:content (alone or inside media:group) as foreign markup.
    List<String> thumbnails = new ArrayList<>();
    for (Element element : entry.getForeignMarkup()) {
      if (!MEDIA_RSS.equals(element.getNamespaceURI())) {
        continue;
      }
      if (element.getName().equals("thumbnail")) {
        thumbnails.add(absolute(blankToNull(element.getAttributeValue("url")), feedUrl));
        continue;
      }
      List<Element> contents =
          element.getName().equals("group")
              ? element.getChildren("content", element.getNamespace())
              : element.getName().equals("content") ? List.of(element) : List.of();
      for (Element content : contents) {
        String url = absolute(blankToNull(content.getAttributeValue("url")), feedUrl);
        if (url != null && urls.add(url)) {
          String type = blankToNull(content.getAttributeValue("type"));
          if (type == null) {
            // medium="image" is a kind, not a MIME type: the file name says which
            type = typeFromName(url);
          }
          result.add(new Enclosure(url, type, positiveLong(content.getAttributeValue("fileSize"))));
        }
      }
    }
    // An item whose only media is a thumbnail (photo galleries often publish just that): the
    // thumbnail is its picture, and what tells two items with one caption apart downstream.
    if (result.isEmpty()) {
      for (String url : thumbnails) {
        if (url != null && urls.add(url)) {
          String type = typeFromName(url);
          result.add(
              new Enclosure(url, type != null && type.startsWith("image/") ? type : null, null));
        }
      }
    }
    return result;
  }

  /** The MIME type a file name implies ({@code image/jpeg} for {@code .jpg}), or null. */
  static String typeFromName(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
    return path == null ? null : java.net.URLConnection.guessContentTypeFromName(path);
  }

  private static Long positiveLong(String value) {
    if (value == null) {
      return null;
    }
    try {
      long v = Long.parseLong(value.strip());
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  static String absolute(String url, String base) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(base).resolve(url.strip()).toString();
    } catch (IllegalArgumentException e) {
      // An unparseable link is still the feed's word; pass it on as written.
      return url.strip();
    }
  }

  private static boolean looksLikeHtml(String text, String contentType) {
    String head =
        text.substring(0, Math.min(text.length(), 512)).stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1).stripLeading();
    }
    while (head.startsWith("<!--")) {
      int end = head.indexOf("-->");
      if (end < 0) {
        break;
      }
      head = head.substring(end + 3).stripLeading();
    }
    boolean htmlMarkup = head.startsWith("<!doctype html") || head.startsWith("<html");
    boolean htmlType = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    boolean xmlMarkup =
        head.startsWith("<?xml")
            || head.startsWith("<rss")
            || head.startsWith("<feed")
            || head.startsWith("<rdf");
    return htmlMarkup || (htmlType && !xmlMarkup);
  }

  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    if (message.contains("DOCTYPE is disallowed")) {
      return "document type declarations (DTD) are refused: they can load external entities"
          + " (XXE) or expand into entity bombs";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

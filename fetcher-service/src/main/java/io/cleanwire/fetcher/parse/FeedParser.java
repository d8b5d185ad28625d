package io.cleanwire.fetcher.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
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
import com.rometools.rome.io.XmlReader;
import io.cleanwire.events.Enclosure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched feed bytes (RSS 0.9x/1.0/2.0, Atom) into a {@link ParsedFeed} with Rome, refusing
 * DTDs and therefore external entities and entity bombs.
 */
public final class FeedParser {

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROLOG_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern ROOT_ELEMENT = Pattern.compile("<[A-Za-z][^>]*>");
  private static final Pattern XML_LANG =
      Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");
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
    if (looksLikeHtml(body, contentType)) {
      throw new FeedParseException(
          "an HTML page"
              + (contentType == null ? "" : " (Content-Type " + contentType + ")")
              + ", not RSS or Atom",
          null);
    }
    String declaredCharset = declaredCharset(body, contentType);
    SyndFeed feed;
    String detectedCharset;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      detectedCharset = reader.getEncoding();
      SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
      // Keeps Rome's RSS/Atom objects so a missing <guid> is told apart from Rome's fallback.
      input.setPreserveWireFeed(true);
      // Already Rome's default; set so that nobody turns it on by accident.
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IOException e) {
      throw new FeedParseException(reason(e), e);
    } catch (RuntimeException e) {
      // Rome signals an XML document of no known feed type with IllegalArgumentException, and
      // hostile input may trip other runtime errors inside it: either way, not a readable feed.
      throw new FeedParseException(reason(e), e);
    }
    String language = blankToNull(feed.getLanguage());
    List<ParsedEntry> entries = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    List<SyndEntry> syndEntries = feed.getEntries();
    for (int i = 0; i < syndEntries.size(); i++) {
      SyndEntry entry = syndEntries.get(i);
      ParsedEntry parsed = entry(entry, entry.getWireEntry(), feedUrl, isRdf(feed.getFeedType()));
      if (parsed.guid() == null && parsed.link() == null) {
        skipped.add(new SkippedEntry(i, parsed.title(), NO_IDENTITY));
      } else {
        entries.add(parsed);
      }
    }
    return new ParsedFeed(
        feed.getFeedType(),
        blankToNull(feed.getTitle()),
        absolute(blankToNull(feed.getLink()), feedUrl),
        language != null ? language : rootXmlLang(body, detectedCharset),
        declaredCharset,
        detectedCharset,
        entries,
        skipped);
  }

  private static ParsedEntry entry(SyndEntry entry, Object wire, String feedUrl, boolean rdf) {
    String guid = guid(entry, wire, rdf);
    String link = absolute(blankToNull(entry.getLink()), feedUrl);
    if (link == null && wire instanceof Entry atom) {
      link = absolute(alternateLink(atom), feedUrl);
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
        enclosures(entry.getEnclosures(), feedUrl));
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
  static String rootXmlLang(byte[] body, String charset) {
    String head;
    try {
      head = new String(body, 0, Math.min(body.length, 4096), Charset.forName(charset));
    } catch (IllegalArgumentException e) {
      return null;
    }
    Matcher root = ROOT_ELEMENT.matcher(head);
    if (!root.find()) {
      return null;
    }
    Matcher lang = XML_LANG.matcher(root.group());
    return lang.find() ? blankToNull(lang.group(1)) : null;
  }

  private static String alternateLink(Entry atom) {
    for (Link l : atom.getAlternateLinks()) {
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

  private static List<Enclosure> enclosures(List<SyndEnclosure> enclosures, String feedUrl) {
    List<Enclosure> result = new ArrayList<>();
    for (SyndEnclosure enclosure : enclosures) {
      String url = absolute(blankToNull(enclosure.getUrl()), feedUrl);
      if (url != null) {
        long length = enclosure.getLength();
        result.add(
            new Enclosure(url, blankToNull(enclosure.getType()), length > 0 ? length : null));
      }
    }
    return result;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String absolute(String url, String base) {
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

  private static boolean looksLikeHtml(byte[] body, String contentType) {
    String head =
        new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("\u00ef\u00bb\u00bf")) {
      head = head.substring(3).stripLeading();
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

  static String declaredCharset(byte[] body, String contentType) {
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        return m.group(1);
      }
    }
    String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
    if (head.startsWith("\u00ef\u00bb\u00bf")) {
      head = head.substring(3);
    }
    Matcher m = PROLOG_ENCODING.matcher(head);
    return m.find() ? m.group(1) : null;
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

package io.cleanwire.publisher.syndication;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.cleanwire.publisher.query.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Writes items as an RSS 2.0 document with Rome, always well-formed: every string goes through
 * {@link XmlText#clean} first, HTML is re-sanitized, and an item Rome still refuses is left out
 * instead of failing the whole feed.
 */
@ApplicationScoped
public class RssWriter {

  static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
  private static final Logger LOG = Logger.getLogger(RssWriter.class);
  private static final Safelist HTML = Safelist.relaxed();
  private static final int SANITIZED_MAX = 8192;
  private static final Map<String, String> SANITIZED = new ConcurrentHashMap<>();

  /** Renders the channel with the given items, newest first as given, as UTF-8 bytes. */
  public byte[] render(FeedChannel channel, List<Item> items) {
    List<com.rometools.rome.feed.rss.Item> entries = new ArrayList<>(items.size());
    List<Item> sources = new ArrayList<>(items.size());
    for (Item item : items) {
      try {
        entries.add(toEntry(item));
        sources.add(item);
      } catch (RuntimeException e) {
        LOG.warnf("entryKey=%s left out of RSS feed reason=%s", item.entryKey(), e.toString());
      }
    }
    try {
      return serialize(channel, entries);
    } catch (RuntimeException e) {
      // Rare: text is cleaned before it gets here. Serializing each entry alone finds the one
      // the writer refuses, so that it alone is left out instead of failing the whole feed.
      List<com.rometools.rome.feed.rss.Item> good = new ArrayList<>(entries.size());
      for (int k = 0; k < entries.size(); k++) {
        try {
          serialize(channel, List.of(entries.get(k)));
          good.add(entries.get(k));
        } catch (RuntimeException refused) {
          LOG.warnf(
              "entryKey=%s left out of RSS feed reason=%s",
              sources.get(k).entryKey(), refused.toString());
        }
      }
      return serialize(channel, good);
    }
  }

  private static byte[] serialize(
      FeedChannel meta, List<com.rometools.rome.feed.rss.Item> entries) {
    Channel channel = new Channel("rss_2.0");
    channel.setTitle(XmlText.clean(meta.title()));
    channel.setDescription(XmlText.clean(meta.description()));
    channel.setLink(XmlText.clean(meta.link()));
    channel.setGenerator("Cleanwire");
    // Dates come from the items, never from the clock: the same content gives the same bytes
    // and therefore the same ETag.
    entries.stream()
        .map(com.rometools.rome.feed.rss.Item::getPubDate)
        .filter(Objects::nonNull)
        .max(Date::compareTo)
        .ifPresent(channel::setPubDate);
    channel.setItems(entries);
    try {
      Document document = new WireFeedOutput().outputJDom(channel);
      Element root = document.getRootElement();
      root.addNamespaceDeclaration(ATOM);
      Element self = new Element("link", ATOM);
      self.setAttribute("href", XmlText.clean(meta.selfUrl()));
      self.setAttribute("rel", "self");
      self.setAttribute("type", "application/rss+xml");
      root.getChild("channel").addContent(0, self);
      return bytes(document);
    } catch (FeedException e) {
      throw new IllegalStateException("RSS generation failed: " + e.getMessage(), e);
    }
  }

  private static com.rometools.rome.feed.rss.Item toEntry(Item item) {
    com.rometools.rome.feed.rss.Item entry = new com.rometools.rome.feed.rss.Item();
    String title = XmlText.clean(item.title());
    entry.setTitle(title == null || title.isBlank() ? "(untitled)" : title);
    entry.setLink(XmlText.clean(item.link() != null ? item.link() : item.canonicalUrl()));
    Guid guid = new Guid();
    guid.setValue(item.entryKey());
    guid.setPermaLink(false);
    entry.setGuid(guid);
    Description description = new Description();
    description.setType("text/html");
    description.setValue(XmlText.clean(descriptionHtml(item)));
    entry.setDescription(description);
    Instant date = item.publishedAt() != null ? item.publishedAt() : item.sortTime();
    if (date != null) {
      entry.setPubDate(Date.from(date));
    }
    List<Category> categories = new ArrayList<>();
    for (String label : item.categories()) {
      String clean = XmlText.clean(label);
      if (clean != null && !clean.isBlank()) {
        Category category = new Category();
        category.setValue(clean);
        categories.add(category);
      }
    }
    entry.setCategories(categories);
    List<String> authors =
        item.authors().stream().map(XmlText::clean).filter(a -> a != null && !a.isBlank()).toList();
    if (!authors.isEmpty()) {
      // RSS <author> must be an e-mail address; names go to dc:creator, as Rome itself does.
      DCModuleImpl dc = new DCModuleImpl();
      dc.setCreators(authors);
      List<Module> modules = new ArrayList<>();
      modules.add(dc);
      entry.setModules(modules);
    }
    if (item.feedUrl() != null) {
      Source source = new Source();
      source.setUrl(XmlText.clean(item.feedUrl()));
      source.setValue(XmlText.clean(item.feedTitle() != null ? item.feedTitle() : item.feedUrl()));
      entry.setSource(source);
    }
    List<Enclosure> enclosures = new ArrayList<>();
    for (io.cleanwire.events.Enclosure enclosure : item.enclosures()) {
      if (enclosure.url() != null) {
        Enclosure out = new Enclosure();
        out.setUrl(XmlText.clean(enclosure.url()));
        // RSS 2.0 requires the type; an unknown one is sent as JSON Feed's writer sends it
        out.setType(
            enclosure.type() == null
                ? "application/octet-stream"
                : XmlText.clean(enclosure.type()));
        out.setLength(enclosure.length() == null ? 0 : enclosure.length());
        enclosures.add(out);
      }
    }
    entry.setEnclosures(enclosures);
    return entry;
  }

  /**
   * Sanitized content HTML, else the plain-text summary escaped as HTML: readers render
   * descriptions as HTML, so plain text must never be read as markup.
   *
   * <p>Cleaning is the costliest step of a feed render, and a feed is rendered again after every
   * write while most of its items stay the same; the result is therefore remembered per item
   * version ({@code entryKey} and {@code changedAt}), for a bounded number of items.
   */
  static String descriptionHtml(Item item) {
    if (item.contentHtml() == null || item.contentHtml().isBlank()) {
      return item.summary() == null ? "" : org.jsoup.nodes.Entities.escape(item.summary());
    }
    if (item.entryKey() == null || item.changedAt() == null) {
      return sanitize(item.contentHtml());
    }
    String key = item.entryKey() + '@' + item.changedAt();
    String known = SANITIZED.get(key);
    if (known != null) {
      return known;
    }
    String clean = sanitize(item.contentHtml());
    if (SANITIZED.size() >= SANITIZED_MAX) {
      // Old versions are dead weight once a newer one is stored; starting over is cheaper than
      // tracking recency on every read.
      SANITIZED.clear();
    }
    SANITIZED.put(key, clean);
    return clean;
  }

  private static String sanitize(String html) {
    // Defense in depth: the normalizer sanitized it already, but readers execute what we emit.
    return Jsoup.clean(html, HTML);
  }

  /** The document as UTF-8 bytes, no pretty printing (stable bytes for the same content). */
  static byte[] bytes(Document document) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n"))
          .output(document, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

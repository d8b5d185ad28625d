package io.cleanwire.publisher.syndication;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.StorySource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Writes items as an Atom 1.0 feed with Rome, with provenance: each entry links its original
 * ({@code alternate}), the feed it came from ({@code via} and {@code atom:source}) and the other
 * sources of its story ({@code related}). Always well-formed, like {@link RssWriter}.
 */
@ApplicationScoped
public class AtomWriter {

  private static final Logger LOG = Logger.getLogger(AtomWriter.class);

  /** Renders the channel with the given items, newest first as given, as UTF-8 bytes. */
  public byte[] render(FeedChannel channel, List<Item> items) {
    List<Entry> entries = new ArrayList<>(items.size());
    List<Item> sources = new ArrayList<>(items.size());
    for (Item item : items) {
      try {
        entries.add(toEntry(item));
        sources.add(item);
      } catch (RuntimeException e) {
        LOG.warnf("entryKey=%s left out of Atom feed reason=%s", item.entryKey(), e.toString());
      }
    }
    try {
      return serialize(channel, entries);
    } catch (RuntimeException e) {
      // Rare: text is cleaned before it gets here. Serializing each entry alone finds the one
      // the writer refuses, so that it alone is left out instead of failing the whole feed.
      List<Entry> good = new ArrayList<>(entries.size());
      for (int k = 0; k < entries.size(); k++) {
        try {
          serialize(channel, List.of(entries.get(k)));
          good.add(entries.get(k));
        } catch (RuntimeException refused) {
          LOG.warnf(
              "entryKey=%s left out of Atom feed reason=%s",
              sources.get(k).entryKey(), refused.toString());
        }
      }
      return serialize(channel, good);
    }
  }

  private static byte[] serialize(FeedChannel meta, List<Entry> entries) {
    Feed feed = new Feed("atom_1.0");
    // The self URL names exactly this selection of items, which is what an Atom id must do.
    feed.setId(XmlText.clean(meta.selfUrl()));
    feed.setTitleEx(text(meta.title()));
    feed.setSubtitle(text(meta.description()));
    feed.setAlternateLinks(List.of(link("alternate", meta.link(), "text/html")));
    feed.setOtherLinks(List.of(link("self", meta.selfUrl(), "application/atom+xml")));
    Person author = new Person();
    author.setName(XmlText.clean(meta.title()));
    feed.setAuthors(List.<SyndPerson>of(author));
    // Dates come from the entries, never from the clock: same content, same bytes.
    feed.setUpdated(
        entries.stream()
            .map(Entry::getUpdated)
            .filter(Objects::nonNull)
            .max(Date::compareTo)
            .orElse(new Date(0)));
    feed.setEntries(entries);
    try {
      return RssWriter.bytes(new WireFeedOutput().outputJDom(feed));
    } catch (FeedException e) {
      throw new IllegalStateException("Atom generation failed: " + e.getMessage(), e);
    }
  }

  private static Entry toEntry(Item item) {
    Entry entry = new Entry();
    entry.setId("urn:cleanwire:item:" + URLEncoder.encode(item.entryKey(), StandardCharsets.UTF_8));
    String title = XmlText.clean(item.title());
    entry.setTitleEx(text(title == null || title.isBlank() ? "(untitled)" : title));
    String link = item.link() != null ? item.link() : item.canonicalUrl();
    List<Link> alternate = new ArrayList<>();
    if (link != null) {
      alternate.add(link("alternate", link, "text/html"));
    }
    entry.setAlternateLinks(alternate);
    List<Link> others = new ArrayList<>();
    if (item.feedUrl() != null) {
      others.add(link("via", item.feedUrl(), null));
    }
    for (StorySource source : item.alsoIn()) {
      if (source.link() != null) {
        Link related = link("related", source.link(), "text/html");
        related.setTitle(
            XmlText.clean(source.feedTitle() != null ? source.feedTitle() : source.feedUrl()));
        others.add(related);
      }
    }
    for (io.cleanwire.events.Enclosure enclosure : item.enclosures()) {
      if (enclosure.url() != null) {
        Link out = link("enclosure", enclosure.url(), enclosure.type());
        out.setLength(enclosure.length() == null ? 0 : enclosure.length());
        others.add(out);
      }
    }
    entry.setOtherLinks(others);
    Instant published = item.publishedAt() != null ? item.publishedAt() : item.sortTime();
    if (published != null) {
      entry.setPublished(Date.from(published));
    }
    Instant updated = item.changedAt() != null ? item.changedAt() : published;
    entry.setUpdated(updated == null ? new Date(0) : Date.from(updated));
    if (item.summary() != null && !item.summary().isBlank()) {
      entry.setSummary(text(item.summary()));
    }
    String html = RssWriter.descriptionHtml(item);
    if (!html.isBlank()) {
      Content content = new Content();
      content.setType(Content.HTML);
      content.setValue(XmlText.clean(html));
      entry.setContents(List.of(content));
    }
    List<SyndPerson> authors = new ArrayList<>();
    for (String name : item.authors()) {
      String clean = XmlText.clean(name);
      if (clean != null && !clean.isBlank()) {
        Person person = new Person();
        person.setName(clean);
        authors.add(person);
      }
    }
    entry.setAuthors(authors);
    List<Category> categories = new ArrayList<>();
    for (String label : item.categories()) {
      String clean = XmlText.clean(label);
      if (clean != null && !clean.isBlank()) {
        Category category = new Category();
        category.setTerm(clean);
        categories.add(category);
      }
    }
    entry.setCategories(categories);
    if (item.feedUrl() != null) {
      Feed source = new Feed();
      source.setId(XmlText.clean(item.feedUrl()));
      source.setTitleEx(text(item.feedTitle() != null ? item.feedTitle() : item.feedUrl()));
      source.setOtherLinks(List.of(link("self", item.feedUrl(), null)));
      entry.setSource(source);
    }
    return entry;
  }

  private static Content text(String value) {
    Content content = new Content();
    content.setType(Content.TEXT);
    content.setValue(XmlText.clean(value == null ? "" : value));
    return content;
  }

  private static Link link(String rel, String href, String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(XmlText.clean(href));
    if (type != null) {
      link.setType(XmlText.clean(type));
    }
    return link;
  }
}

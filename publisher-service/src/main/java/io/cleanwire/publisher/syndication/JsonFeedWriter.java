package io.cleanwire.publisher.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.StorySource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes items as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Provenance, which
 * JSON Feed has no field for, goes into the {@code _cleanwire} extension object of each item
 * ({@code source}: the feed it came from; {@code also_in}: the story's other sources).
 */
@ApplicationScoped
public class JsonFeedWriter {

  static final String VERSION = "https://jsonfeed.org/version/1.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Renders the channel with the given items, newest first as given, as UTF-8 bytes. */
  public byte[] render(FeedChannel channel, List<Item> items) {
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("version", VERSION);
    feed.put("title", clean(channel.title()));
    feed.put("home_page_url", clean(channel.link()));
    feed.put("feed_url", clean(channel.selfUrl()));
    feed.put("description", clean(channel.description()));
    List<Map<String, Object>> entries = new ArrayList<>(items.size());
    for (Item item : items) {
      entries.add(toEntry(item));
    }
    feed.put("items", entries);
    try {
      return JSON.writeValueAsBytes(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON Feed generation failed: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> toEntry(Item item) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", clean(item.entryKey()));
    String link = item.link() != null ? item.link() : item.canonicalUrl();
    putIfPresent(entry, "url", clean(link));
    String title = clean(item.title());
    entry.put("title", title == null || title.isBlank() ? "(untitled)" : title);
    // content_html is always present (possibly empty): JSON Feed requires content_html or
    // content_text on every item.
    entry.put("content_html", clean(RssWriter.descriptionHtml(item)));
    putIfPresent(entry, "summary", clean(item.summary()));
    if (item.publishedAt() != null) {
      entry.put("date_published", item.publishedAt().toString());
    } else if (item.sortTime() != null) {
      entry.put("date_published", item.sortTime().toString());
    }
    if (item.changedAt() != null) {
      entry.put("date_modified", item.changedAt().toString());
    }
    List<Map<String, Object>> authors = new ArrayList<>();
    for (String name : item.authors()) {
      String clean = clean(name);
      if (clean != null && !clean.isBlank()) {
        authors.add(Map.of("name", clean));
      }
    }
    if (!authors.isEmpty()) {
      entry.put("authors", authors);
    }
    List<String> tags =
        item.categories().stream()
            .map(JsonFeedWriter::clean)
            .filter(t -> t != null && !t.isBlank())
            .toList();
    if (!tags.isEmpty()) {
      entry.put("tags", tags);
    }
    putIfPresent(entry, "language", item.language());
    List<Map<String, Object>> attachments = new ArrayList<>();
    for (io.cleanwire.events.Enclosure enclosure : item.enclosures()) {
      if (enclosure.url() != null) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("url", clean(enclosure.url()));
        attachment.put(
            "mime_type",
            enclosure.type() == null ? "application/octet-stream" : clean(enclosure.type()));
        if (enclosure.length() != null && enclosure.length() > 0) {
          attachment.put("size_in_bytes", enclosure.length());
        }
        attachments.add(attachment);
      }
    }
    if (!attachments.isEmpty()) {
      entry.put("attachments", attachments);
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("feed_url", clean(item.feedUrl()));
    source.put("title", clean(item.feedTitle()));
    provenance.put("source", source);
    provenance.put("story_id", clean(item.storyId()));
    List<Map<String, Object>> alsoIn = new ArrayList<>();
    for (StorySource other : item.alsoIn()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("feed_url", clean(other.feedUrl()));
      m.put("title", clean(other.feedTitle()));
      m.put("url", clean(other.link()));
      alsoIn.add(m);
    }
    provenance.put("also_in", alsoIn);
    entry.put("_cleanwire", provenance);
    return entry;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /**
   * Unpaired surrogates cannot be written as UTF-8 and control characters help no reader; the same
   * cleaning as the XML feeds keeps every format showing the same text.
   */
  private static String clean(String value) {
    return XmlText.clean(value);
  }
}

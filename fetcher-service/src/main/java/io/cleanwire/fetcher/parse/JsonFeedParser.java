package io.cleanwire.fetcher.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.events.Enclosure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads JSON Feed 1.0 and 1.1 documents into the same plain model as RSS and Atom. */
final class JsonFeedParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

  private JsonFeedParser() {}

  /** Whether the text should be read as JSON: a JSON media type or a leading '{'. */
  static boolean looksLikeJson(String text, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{';
      }
    }
    return false;
  }

  static ParsedFeed parse(DecodedDocument doc, String feedUrl) throws FeedParseException {
    JsonNode root;
    try {
      root = MAPPER.readTree(doc.text());
    } catch (JacksonException e) {
      throw new FeedParseException("malformed JSON: " + firstLine(e.getOriginalMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new FeedParseException("a JSON document that is not a JSON Feed", null);
    }
    String version = text(root, "version");
    if (version == null || !version.startsWith(VERSION_PREFIX)) {
      throw new FeedParseException(
          "a JSON document that is not a JSON Feed (no \"version\": \"" + VERSION_PREFIX + "…\")",
          null);
    }
    String format = "json_" + version.substring(VERSION_PREFIX.length()).replace("/", "");
    List<ParsedEntry> entries = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    JsonNode items = root.path("items");
    List<String> feedAuthors = authors(root);
    int position = 0;
    for (JsonNode item : items.isArray() ? items : MAPPER.createArrayNode()) {
      if (!item.isObject()) {
        skipped.add(new SkippedEntry(position++, null, "item is not a JSON object"));
        continue;
      }
      String id = idText(item.get("id"));
      String link = FeedParser.absolute(text(item, "url"), feedUrl);
      if (link == null) {
        link = FeedParser.absolute(text(item, "external_url"), feedUrl);
      }
      String title = text(item, "title");
      if (id == null && link == null) {
        skipped.add(new SkippedEntry(position++, title, "entry has neither guid nor link"));
        continue;
      }
      String html = text(item, "content_html");
      String plain = text(item, "content_text");
      List<String> authors = authors(item);
      entries.add(
          new ParsedEntry(
              id,
              link,
              title,
              text(item, "summary"),
              html != null ? html : plain,
              authors.isEmpty() ? feedAuthors : authors,
              tags(item),
              date(item, "date_published"),
              date(item, "date_modified"),
              attachments(item, feedUrl),
              text(item, "language")));
      position++;
    }
    return new ParsedFeed(
        format,
        text(root, "title"),
        FeedParser.absolute(text(root, "home_page_url"), feedUrl),
        text(root, "language"),
        doc.declaredCharset(),
        doc.usedCharset(),
        entries,
        skipped,
        List.of(),
        null);
  }

  private static String idText(JsonNode id) {
    if (id == null || id.isNull() || id.isContainerNode()) {
      return null;
    }
    // JSON Feed 1.0 allowed numbers; 1.1 says strings. Either way the text is the identity.
    String text = id.asText();
    return text.isBlank() ? null : text;
  }

  private static List<String> authors(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    JsonNode list = node.path("authors");
    if (list.isArray()) {
      list.forEach(a -> addName(names, a));
    }
    addName(names, node.get("author"));
    return List.copyOf(names);
  }

  private static void addName(Set<String> names, JsonNode author) {
    if (author != null && author.isObject()) {
      String name = text(author, "name");
      if (name != null) {
        names.add(name.strip());
      }
    }
  }

  private static List<String> tags(JsonNode item) {
    Set<String> tags = new LinkedHashSet<>();
    JsonNode list = item.path("tags");
    if (list.isArray()) {
      list.forEach(
          t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
              tags.add(t.asText().strip());
            }
          });
    }
    return List.copyOf(tags);
  }

  private static List<Enclosure> attachments(JsonNode item, String feedUrl) {
    List<Enclosure> result = new ArrayList<>();
    JsonNode list = item.path("attachments");
    if (list.isArray()) {
      for (JsonNode a : list) {
        String url = a.isObject() ? FeedParser.absolute(text(a, "url"), feedUrl) : null;
        if (url != null) {
          JsonNode size = a.get("size_in_bytes");
          Long length =
              size != null && size.canConvertToLong() && size.asLong() > 0 ? size.asLong() : null;
          result.add(new Enclosure(url, text(a, "mime_type"), length));
        }
      }
    }
    // an item whose only media is its main image (as with media:thumbnail in RSS): the picture of
    // a gallery item, and what tells two items with one caption apart downstream
    String image = FeedParser.absolute(text(item, "image"), feedUrl);
    if (result.isEmpty() && image != null) {
      String type = FeedParser.typeFromName(image);
      result.add(
          new Enclosure(image, type != null && type.startsWith("image/") ? type : null, null));
    }
    return result;
  }

  private static Instant date(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a date the feed got wrong is no reason to lose the entry
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package io.cleanwire.publisher.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Which items a list or feed holds; every non-null criterion must match.
 *
 * @param languages ISO 639-1 codes, any of which matches; empty means every language
 * @param feedUrl the feed an item came from, or null
 * @param storyId the story an item belongs to, or null
 * @param since sort time at or after this instant, or null
 * @param until sort time strictly before this instant, or null
 * @param text full-text query ({@code q}), or null; see {@link SearchSql} for its meaning
 */
public record ItemFilter(
    List<String> languages,
    String feedUrl,
    String storyId,
    Instant since,
    Instant until,
    String text) {

  /** Replaces a null language list by an empty one and a blank query by null. */
  public ItemFilter {
    languages = languages == null ? List.of() : List.copyOf(languages);
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** A filter without full-text query. */
  public ItemFilter(
      List<String> languages, String feedUrl, String storyId, Instant since, Instant until) {
    this(languages, feedUrl, storyId, since, until, null);
  }

  /** A filter that matches every item. */
  public static ItemFilter all() {
    return new ItemFilter(List.of(), null, null, null, null, null);
  }
}

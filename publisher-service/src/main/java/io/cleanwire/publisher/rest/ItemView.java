package io.cleanwire.publisher.rest;

import io.cleanwire.events.Enclosure;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import io.cleanwire.publisher.query.Item;
import java.time.Instant;
import java.util.List;

/**
 * One item as the REST API shows it: exactly the item fields of DESIGN.md.
 *
 * @param alsoIn the other members of the item's story (collapsed lists and single items)
 */
public record ItemView(
    String entryKey,
    String storyId,
    String duplicateOf,
    MatchedBy matchedBy,
    Double similarity,
    FeedView feed,
    String guid,
    String link,
    String canonicalUrl,
    String title,
    String summary,
    String contentHtml,
    String language,
    double languageConfidence,
    Instant publishedAt,
    Instant fetchedAt,
    List<String> authors,
    List<String> categories,
    List<Enclosure> enclosures,
    List<Repair> repairs,
    List<AlsoInView> alsoIn) {

  /**
   * The feed an item came from.
   *
   * @param url the feed URL
   * @param title the feed's title, may be null
   */
  public record FeedView(String url, String title) {}

  /**
   * Another source of the same story.
   *
   * @param entryKey that member's key
   * @param feed the feed it came from
   * @param link its permalink
   */
  public record AlsoInView(String entryKey, FeedView feed, String link) {}

  static ItemView of(Item item) {
    return new ItemView(
        item.entryKey(),
        item.storyId(),
        item.duplicateOf(),
        item.matchedBy(),
        item.similarity(),
        new FeedView(item.feedUrl(), item.feedTitle()),
        item.guid(),
        item.link(),
        item.canonicalUrl(),
        item.title(),
        item.summary(),
        item.contentHtml(),
        item.language(),
        item.languageConfidence(),
        item.publishedAt(),
        item.fetchedAt(),
        item.authors(),
        item.categories(),
        item.enclosures(),
        item.repairs(),
        item.alsoIn().stream()
            .map(
                s ->
                    new AlsoInView(
                        s.entryKey(), new FeedView(s.feedUrl(), s.feedTitle()), s.link()))
            .toList());
  }
}

package io.cleanwire.publisher.query;

import io.cleanwire.events.Enclosure;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import java.time.Instant;
import java.util.List;

/**
 * A stored item as the read side sees it (never the entity), with the other members of its story
 * when the list was collapsed.
 *
 * @param sortTime the list position (publishedAt, else first fetch time)
 * @param firstStoredAt when the publisher first stored this entry
 * @param changedAt when the stored row last changed
 * @param alsoIn other members of the story, empty when not collapsed
 */
public record Item(
    String entryKey,
    String storyId,
    String duplicateOf,
    MatchedBy matchedBy,
    Double similarity,
    String feedUrl,
    String feedTitle,
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
    Instant sortTime,
    Instant firstStoredAt,
    Instant changedAt,
    List<StorySource> alsoIn) {

  /** This item with {@code alsoIn} as the other members of its story. */
  public Item withAlsoIn(List<StorySource> alsoIn) {
    return new Item(
        entryKey,
        storyId,
        duplicateOf,
        matchedBy,
        similarity,
        feedUrl,
        feedTitle,
        guid,
        link,
        canonicalUrl,
        title,
        summary,
        contentHtml,
        language,
        languageConfidence,
        publishedAt,
        fetchedAt,
        authors,
        categories,
        enclosures,
        repairs,
        sortTime,
        firstStoredAt,
        changedAt,
        List.copyOf(alsoIn));
  }
}

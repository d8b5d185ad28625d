package io.cleanwire.publisher.rest;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.Story;
import java.time.Instant;
import java.util.List;

/**
 * A story: its representative item and every member with why it matched.
 *
 * @param storyId the story's id
 * @param representative the item that stands for the story in collapsed lists and feeds
 * @param members every stored member in arrival order
 */
public record StoryView(String storyId, ItemView representative, List<Member> members) {

  /**
   * One member of a story.
   *
   * @param entryKey the member's key
   * @param feed the feed it came from
   * @param link its permalink
   * @param title its title
   * @param language its language
   * @param duplicateOf the entry it was matched to, null for the entry that started the story
   * @param matchedBy why it matched ({@code guid}, {@code url}, {@code content}, {@code near})
   * @param similarity 0.0–1.0 similarity to the matched entry
   * @param publishedAt publication time declared by its feed
   * @param firstSeenAt when the publisher first stored it
   */
  public record Member(
      String entryKey,
      ItemView.FeedView feed,
      String link,
      String title,
      String language,
      String duplicateOf,
      MatchedBy matchedBy,
      Double similarity,
      Instant publishedAt,
      Instant firstSeenAt) {

    static Member of(Item item) {
      return new Member(
          item.entryKey(),
          new ItemView.FeedView(item.feedUrl(), item.feedTitle()),
          item.link(),
          item.title(),
          item.language(),
          item.duplicateOf(),
          item.matchedBy(),
          item.similarity(),
          item.publishedAt(),
          item.firstStoredAt());
    }
  }

  static StoryView of(Story story) {
    return new StoryView(
        story.storyId(),
        ItemView.of(story.representative()),
        story.members().stream().map(Member::of).toList());
  }
}

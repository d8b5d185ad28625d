package io.cleanwire.publisher.rest;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.Story;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A story: its representative item and every member with why it matched.
 *
 * @param storyId the story's id
 * @param representative the item that stands for the story in collapsed lists and feeds
 * @param members every stored member in arrival order
 */
@Schema(description = "A story: one news event as carried by one or more feeds")
public record StoryView(
    @Schema(description = "The story id") String storyId,
    @Schema(
            description =
                "The member that stands for the story in collapsed lists and feeds (first"
                    + " stored), with alsoIn")
        ItemView representative,
    @Schema(description = "Every stored member in arrival order, the representative first")
        List<Member> members) {

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
  @Schema(description = "One member of a story")
  public record Member(
      @Schema(description = "The member's entryKey") String entryKey,
      @Schema(description = "The feed it came from") ItemView.FeedView feed,
      @Schema(description = "Its permalink; may be null") String link,
      @Schema(description = "Its title") String title,
      @Schema(description = "Its language (ISO 639-1 or und)") String language,
      @Schema(
              description =
                  "The entryKey it was matched to; null for the member that started the story")
          String duplicateOf,
      @Schema(description = "Why it matched: guid, url, content or near; null for the first member")
          MatchedBy matchedBy,
      @Schema(
              description =
                  "Similarity to the matched member, 0.0 to 1.0; null for the first member")
          Double similarity,
      @Schema(description = "Publication time declared by its feed; may be null")
          Instant publishedAt,
      @Schema(description = "When the publisher first stored it") Instant firstSeenAt) {

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

package io.cleanwire.publisher.rest;

import io.cleanwire.events.Enclosure;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import io.cleanwire.publisher.query.Item;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item as the REST API shows it: exactly the item fields of DESIGN.md.
 *
 * @param alsoIn the other members of the item's story (collapsed lists and single items)
 */
@Schema(description = "One clean item")
public record ItemView(
    @Schema(
            description =
                "Stable key of the entry: hash of the feed URL and the guid (or the link when there is no guid)")
        String entryKey,
    @Schema(
            description =
                "Story the item belongs to; the same for every copy of one story across feeds")
        String storyId,
    @Schema(
            description =
                "entryKey of the item this one was matched to; null for the item that started its story")
        String duplicateOf,
    @Schema(
            description =
                "Why it was matched to its story: guid, url, content (same text) or near (similar text); null for the first item")
        MatchedBy matchedBy,
    @Schema(description = "Similarity to the matched item, 0.0 to 1.0; null for the first item")
        Double similarity,
    @Schema(description = "The feed the item came from") FeedView feed,
    @Schema(description = "guid (RSS) or id (Atom) as the feed gave it; may be null") String guid,
    @Schema(description = "Permalink as the feed gave it; may be null") String link,
    @Schema(
            description =
                "The link with tracking parameters removed and scheme and host normalized; may be null")
        String canonicalUrl,
    @Schema(description = "Title as plain text, with broken encodings repaired") String title,
    @Schema(description = "Summary as plain text, repaired; may be null") String summary,
    @Schema(
            description =
                "Content as sanitized HTML (no scripts, no event handlers, no styling hooks); may be null")
        String contentHtml,
    @Schema(description = "ISO 639-1 code of the detected language, or und when undetermined")
        String language,
    @Schema(description = "Confidence of the language detection, 0.0 to 1.0")
        double languageConfidence,
    @Schema(description = "Publication time declared by the feed (ISO-8601, UTC); may be null")
        Instant publishedAt,
    @Schema(description = "When the fetcher first read the entry (ISO-8601, UTC)")
        Instant fetchedAt,
    @Schema(description = "Author names as the feed gave them") List<String> authors,
    @Schema(description = "Categories or tags as the feed gave them") List<String> categories,
    @Schema(description = "Attached media (podcast audio, images) with URL, type and length")
        List<Enclosure> enclosures,
    @Schema(description = "What the normalizer changed in the text and why (field, kind, detail)")
        List<Repair> repairs,
    @Schema(
            description =
                "The other sources of the same story (other feeds that carried it), in arrival order")
        List<AlsoInView> alsoIn) {

  /**
   * The feed an item came from.
   *
   * @param url the feed URL
   * @param title the feed's title, may be null
   */
  @Schema(description = "A source feed")
  public record FeedView(
      @Schema(description = "URL of the source feed") String url,
      @Schema(description = "Title the source feed declares; may be null") String title) {}

  /**
   * Another source of the same story.
   *
   * @param entryKey that member's key
   * @param feed the feed it came from
   * @param link its permalink
   */
  @Schema(description = "Another source of the same story")
  public record AlsoInView(
      @Schema(description = "entryKey of that copy of the story") String entryKey,
      @Schema(description = "The feed that carried it") FeedView feed,
      @Schema(description = "Its permalink in that feed; may be null") String link) {}

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

package io.cleanwire.events;

import java.time.Instant;
import java.util.List;

/**
 * One entry after cleaning and deduplication; published by the normalizer to {@link
 * Topics#ENTRY_NORMALIZED}, keyed by {@link #entryKey()}.
 *
 * <p>{@code storyId} groups entries that tell the same story; it is the {@code entryKey} of the
 * first entry seen of that story. An entry that starts a story has {@code duplicateOf}, {@code
 * matchedBy} and {@code similarity} null.
 *
 * @param eventId unique id of this event (a UUID)
 * @param occurredAt when the event was created
 * @param entryKey stable identity of the entry, the same as on the fetched event
 * @param feed the feed the entry came from
 * @param guid the entry's own id as given, may be null
 * @param link the entry's permalink as given, may be null
 * @param canonicalUrl the link with tracking parameters and fragment removed, scheme and host
 *     normalized; may be null when there is no usable link
 * @param title plain-text title, repaired
 * @param summary plain-text summary, repaired
 * @param contentHtml sanitized HTML content, repaired; safe to embed
 * @param language ISO 639-1 code, or {@code und} when unknown
 * @param languageConfidence 0.0–1.0, how sure the language decision is
 * @param authors author names, cleaned
 * @param categories category labels, cleaned
 * @param enclosures attached media
 * @param repairs every change made to the text, in order
 * @param fingerprints content signatures used for deduplication
 * @param storyId the story this entry belongs to
 * @param duplicateOf the entry this one duplicates, or null when it starts its story
 * @param matchedBy why it was matched to its story, or null when it starts its story
 * @param similarity 0.0–1.0 similarity to the matched entry, or null when it starts its story
 * @param publishedAt publication time declared by the feed, may be null
 * @param updatedAt last-update time declared by the feed, may be null
 * @param fetchedAt when the fetcher downloaded the entry
 * @param normalizedAt when the normalizer produced this event
 */
public record EntryNormalizedEvent(
    String eventId,
    Instant occurredAt,
    String entryKey,
    FeedInfo feed,
    String guid,
    String link,
    String canonicalUrl,
    String title,
    String summary,
    String contentHtml,
    String language,
    double languageConfidence,
    List<String> authors,
    List<String> categories,
    List<Enclosure> enclosures,
    List<Repair> repairs,
    Fingerprints fingerprints,
    String storyId,
    String duplicateOf,
    MatchedBy matchedBy,
    Double similarity,
    Instant publishedAt,
    Instant updatedAt,
    Instant fetchedAt,
    Instant normalizedAt) {

  /** Language value for "cannot tell". */
  public static final String UNDETERMINED = "und";

  /** Replaces null lists by empty ones so readers never have to check. */
  public EntryNormalizedEvent {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    repairs = repairs == null ? List.of() : List.copyOf(repairs);
  }
}

package io.cleanwire.events;

import java.time.Instant;
import java.util.List;

/**
 * One raw entry exactly as a feed gave it; published by the fetcher to {@link
 * Topics#ENTRY_FETCHED}, keyed by {@link #entryKey()}.
 *
 * <p>Text fields are not cleaned here: repairing them is the normalizer's job, and it needs the
 * original bytes-as-text to do so. Lists are never null (empty instead).
 *
 * @param eventId unique id of this event (a UUID); a re-poll of the same entry gets a new one
 * @param occurredAt when the event was created
 * @param entryKey stable identity of the entry, see {@link EntryKeys#of}
 * @param feed the feed the entry came from
 * @param guid the entry's own id ({@code <guid>}, Atom {@code <id>}, JSON {@code id}), may be null
 * @param link the entry's permalink, absolute, may be null
 * @param title the title as given (may hold HTML entities or broken encodings)
 * @param summaryHtml the short description as given, HTML or text
 * @param contentHtml the full content as given, HTML or text
 * @param authors author names as given
 * @param categories category labels as given
 * @param publishedAt publication time declared by the feed, may be null
 * @param updatedAt last-update time declared by the feed, may be null
 * @param enclosures attached media
 * @param fetchedAt when the fetcher downloaded the document holding this entry
 * @param language the entry's own declared language as written (item {@code xml:lang}, {@code
 *     dc:language}, JSON Feed item {@code language}), null when the entry declares none; the feed's
 *     declaration is on {@link FeedInfo#declaredLanguage()}
 */
public record EntryFetchedEvent(
    String eventId,
    Instant occurredAt,
    String entryKey,
    FeedInfo feed,
    String guid,
    String link,
    String title,
    String summaryHtml,
    String contentHtml,
    List<String> authors,
    List<String> categories,
    Instant publishedAt,
    Instant updatedAt,
    List<Enclosure> enclosures,
    Instant fetchedAt,
    String language) {

  /** Replaces null lists by empty ones so readers never have to check. */
  public EntryFetchedEvent {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
  }

  /** An entry that declares no language of its own (the shape of the event before 0.2). */
  public EntryFetchedEvent(
      String eventId,
      Instant occurredAt,
      String entryKey,
      FeedInfo feed,
      String guid,
      String link,
      String title,
      String summaryHtml,
      String contentHtml,
      List<String> authors,
      List<String> categories,
      Instant publishedAt,
      Instant updatedAt,
      List<Enclosure> enclosures,
      Instant fetchedAt) {
    this(
        eventId,
        occurredAt,
        entryKey,
        feed,
        guid,
        link,
        title,
        summaryHtml,
        contentHtml,
        authors,
        categories,
        publishedAt,
        updatedAt,
        enclosures,
        fetchedAt,
        null);
  }
}

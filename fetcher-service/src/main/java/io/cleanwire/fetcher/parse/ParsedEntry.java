package io.cleanwire.fetcher.parse;

import io.cleanwire.events.Enclosure;
import java.time.Instant;
import java.util.List;

/**
 * One entry as the feed gave it, text untouched.
 *
 * @param guid RSS guid, RSS 1.0 rdf:about or Atom id as written; null when absent
 * @param link the permalink made absolute against the feed URL; null when absent
 * @param title title as written, may be null
 * @param summaryHtml RSS description or Atom summary, may be null
 * @param contentHtml content:encoded or Atom content (several parts joined), may be null
 * @param authors author names
 * @param categories category labels
 * @param publishedAt declared publication time, may be null
 * @param updatedAt declared update time, may be null
 * @param enclosures attached media (enclosure, Atom enclosure links, Media RSS, JSON attachments)
 * @param language the entry's own declared language (xml:lang, dc:language, JSON {@code language}),
 *     null when it declares none (then the feed's language applies)
 */
public record ParsedEntry(
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
    String language) {

  public ParsedEntry {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    enclosures = List.copyOf(enclosures);
  }
}

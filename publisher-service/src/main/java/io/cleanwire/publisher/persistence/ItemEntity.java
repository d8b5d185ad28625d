package io.cleanwire.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored item, the latest version of a normalized entry, keyed by its {@code entryKey}.
 *
 * <p>Lists (authors, categories, enclosures, repairs) are stored as JSON text: they are only ever
 * read whole, never filtered on.
 */
@Entity
@Table(name = "item")
public class ItemEntity {

  @Id
  @Column(name = "entry_key")
  public String entryKey;

  @Column(name = "story_id")
  public String storyId;

  @Column(name = "duplicate_of")
  public String duplicateOf;

  /** The JSON name of {@link io.cleanwire.events.MatchedBy} ({@code url}, {@code near} …). */
  @Column(name = "matched_by")
  public String matchedBy;

  public Double similarity;

  @Column(name = "feed_url")
  public String feedUrl;

  @Column(name = "feed_title")
  public String feedTitle;

  public String guid;
  public String link;

  @Column(name = "canonical_url")
  public String canonicalUrl;

  public String title;
  public String summary;

  @Column(name = "content_html")
  public String contentHtml;

  public String language;

  @Column(name = "language_confidence")
  public double languageConfidence;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "fetched_at")
  public Instant fetchedAt;

  @Column(name = "normalized_at")
  public Instant normalizedAt;

  @Column(name = "authors_json")
  public String authorsJson;

  @Column(name = "categories_json")
  public String categoriesJson;

  @Column(name = "enclosures_json")
  public String enclosuresJson;

  @Column(name = "repairs_json")
  public String repairsJson;

  @Column(name = "event_id")
  public String eventId;

  @Column(name = "sort_time")
  public Instant sortTime;

  /** Assigned by the database (identity) on insert; read only in queries. */
  @Column(name = "stored_seq", insertable = false, updatable = false)
  public Long storedSeq;

  @Column(name = "first_stored_at")
  public Instant firstStoredAt;

  @Column(name = "changed_at")
  public Instant changedAt;
}

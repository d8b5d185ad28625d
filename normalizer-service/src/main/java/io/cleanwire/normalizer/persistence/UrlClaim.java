package io.cleanwire.normalizer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A canonical URL and the first entry that had it; the primary key on the URL's hash decides which
 * replica's entry starts the story.
 */
@Entity
@Table(name = "url_claim")
public class UrlClaim extends PanacheEntityBase {

  /** SHA-256 hex of the canonical URL: URLs can be too long for an index entry. */
  @Id
  @Column(name = "url_hash", length = 64)
  public String urlHash;

  @Column(name = "canonical_url", nullable = false, length = 4096)
  public String canonicalUrl;

  @Column(name = "entry_key", nullable = false, length = 64)
  public String entryKey;

  @Column(name = "story_id", nullable = false, length = 64)
  public String storyId;

  @Column(name = "claimed_at", nullable = false)
  public Instant claimedAt;
}

package io.cleanwire.normalizer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored story decision of one entry, replayed on every redelivery or re-poll of it. */
@Entity
@Table(name = "entry_decision")
public class EntryDecision extends PanacheEntityBase {

  @Id
  @Column(name = "entry_key", length = 64)
  public String entryKey;

  @Column(name = "story_id", nullable = false, length = 64)
  public String storyId;

  @Column(name = "duplicate_of", length = 64)
  public String duplicateOf;

  /** {@code guid}, {@code url}, {@code content} or {@code near}, as in the event JSON. */
  @Column(name = "matched_by", length = 16)
  public String matchedBy;

  @Column(name = "similarity")
  public Double similarity;

  @Column(name = "canonical_url", length = 4096)
  public String canonicalUrl;

  @Column(name = "exact_fingerprint", length = 64)
  public String exactFingerprint;

  @Column(name = "decided_at", nullable = false)
  public Instant decidedAt;
}

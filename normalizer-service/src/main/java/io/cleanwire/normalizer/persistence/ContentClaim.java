package io.cleanwire.normalizer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An exact content fingerprint and the first entry that had it. */
@Entity
@Table(name = "content_claim")
public class ContentClaim extends PanacheEntityBase {

  @Id
  @Column(name = "fingerprint", length = 64)
  public String fingerprint;

  @Column(name = "entry_key", nullable = false, length = 64)
  public String entryKey;

  @Column(name = "story_id", nullable = false, length = 64)
  public String storyId;

  @Column(name = "claimed_at", nullable = false)
  public Instant claimedAt;
}

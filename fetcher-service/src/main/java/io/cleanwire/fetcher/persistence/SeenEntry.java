package io.cleanwire.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An entry already published for a feed, with the hash of the content that was published. */
@Entity
@Table(name = "seen_entry")
public class SeenEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "feed_id", nullable = false)
  public Long feedId;

  @Column(name = "entry_key", nullable = false)
  public String entryKey;

  @Column(name = "content_hash", nullable = false)
  public String contentHash;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;
}

package io.cleanwire.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A host that asked to be left alone (429/503 Retry-After), shared by every replica. */
@Entity
@Table(name = "host_limit")
public class HostLimit {

  @Id public String host;

  @Column(name = "blocked_until", nullable = false)
  public Instant blockedUntil;

  @Column(length = 500)
  public String reason;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

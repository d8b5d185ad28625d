package io.cleanwire.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A feed's conditional-GET validators and health, advanced only after Kafka acked a poll. */
@Entity
@Table(name = "feed_poll_state")
public class FeedPollState {

  @Id
  @Column(name = "feed_id")
  public Long feedId;

  /** ETag exactly as the server sent it, replayed in If-None-Match. */
  public String etag;

  /** Last-Modified exactly as the server sent it, replayed in If-Modified-Since. */
  @Column(name = "last_modified")
  public String lastModified;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_status", nullable = false)
  public PollStatus lastStatus;

  @Column(name = "last_http_status")
  public Integer lastHttpStatus;

  @Column(name = "last_error", length = 2000)
  public String lastError;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "next_poll_at", nullable = false)
  public Instant nextPollAt;

  @Column(name = "consecutive_failures", nullable = false)
  public int consecutiveFailures;

  @Column(name = "entries_seen", nullable = false)
  public long entriesSeen;

  /** Entries of the last parsed document left out (no guid and no link). */
  @Column(name = "last_entries_skipped", nullable = false)
  public int lastEntriesSkipped;

  /** False after a 410 Gone or when paused by an admin: not polled by the scheduler. */
  @Column(nullable = false)
  public boolean active = true;

  /** Interval chosen by the adaptive schedule after the last successful poll. */
  @Column(name = "current_interval_seconds")
  public Long currentIntervalSeconds;

  /** What had to be repaired to read the last document, null when nothing. */
  @Column(name = "last_repairs", length = 2000)
  public String lastRepairs;

  /** Kind of the last failure, null after a success. */
  @Column(name = "last_failure_kind", length = 32)
  public String lastFailureKind;

  /** When the current run of failures began, null while healthy. */
  @Column(name = "failing_since")
  public Instant failingSince;

  /** Replica that holds the feed right now, null when none. */
  @Column(name = "lease_owner", length = 128)
  public String leaseOwner;

  /** Until when the lease holds; an expired lease belongs to nobody. */
  @Column(name = "lease_until")
  public Instant leaseUntil;
}

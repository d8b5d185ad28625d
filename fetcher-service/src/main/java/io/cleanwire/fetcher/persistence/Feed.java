package io.cleanwire.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subscribed feed: what the scheduler polls. */
@Entity
@Table(name = "feed")
public class Feed {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true, length = 2048)
  public String url;

  public String title;

  @Column(name = "site_url")
  public String siteUrl;

  /** Overrides the default poll interval when not null. */
  @Column(name = "poll_interval_seconds")
  public Long pollIntervalSeconds;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

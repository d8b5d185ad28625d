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

  @Column(length = 1000)
  public String title;

  @Column(name = "site_url", length = 2048)
  public String siteUrl;

  /** Overrides the default poll interval when not null. */
  @Column(name = "poll_interval_seconds")
  public Long pollIntervalSeconds;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The URL entry keys are computed from when the feed moved (301); null means {@link #url}. */
  @Column(name = "key_url", length = 2048)
  public String keyUrl;

  /** The URL entry keys are computed from: stable across permanent redirects. */
  public String identityUrl() {
    return keyUrl != null ? keyUrl : url;
  }

  /** Longest title stored; longer ones (feeds are hostile input) are cut. */
  public static final int MAX_TITLE = 1000;

  /** Longest URL stored. */
  public static final int MAX_URL = 2048;

  /** Sets the title, cut to the column size; blank becomes null. */
  public void setTitleClipped(String value) {
    title = clip(value, MAX_TITLE);
  }

  /** Sets the site URL; one too long to store is dropped rather than cut into a wrong URL. */
  public void setSiteUrlIfFits(String value) {
    String v = clip(value, Integer.MAX_VALUE);
    siteUrl = v != null && v.length() <= MAX_URL ? v : null;
  }

  private static String clip(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return v.length() <= max ? v : v.substring(0, max);
  }
}

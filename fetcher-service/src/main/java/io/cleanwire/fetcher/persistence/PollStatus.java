package io.cleanwire.fetcher.persistence;

/** Outcome of a feed's last poll, as shown on the admin API. */
public enum PollStatus {
  /** Subscribed, not polled yet. */
  NEVER_POLLED,
  /** Fetched, parsed, and every new or changed entry acked by Kafka. */
  OK,
  /** The server answered 304: nothing changed since the validators were saved. */
  NOT_MODIFIED,
  /** Fetch, parse or publish failed; the error and the backoff are on the feed. */
  FAILED,
  /** Not fetched: its host asked every client to wait (429/503 Retry-After). */
  DEFERRED,
  /** The server answered 410 Gone: polling stopped until an admin re-activates the feed. */
  GONE
}

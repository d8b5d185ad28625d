package io.cleanwire.publisher.store;

/** What storing an incoming entry version does to the stored row. */
public enum UpsertDecision {
  /** No row yet: insert one. */
  INSERT,
  /** The incoming version is newer: replace the stored fields. */
  REPLACE,
  /** The stored version is the same or newer (a redelivery or a late old version): no write. */
  SKIP;

  /**
   * Decides from the stored version (null when there is no row) and the incoming one; the result
   * depends only on the two versions, so replicas and replays agree.
   */
  public static UpsertDecision decide(Version stored, Version incoming) {
    if (stored == null) {
      return INSERT;
    }
    return incoming.compareTo(stored) > 0 ? REPLACE : SKIP;
  }
}

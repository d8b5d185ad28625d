package io.cleanwire.events;

/** Kafka topic names; the schema version is part of the name. */
public final class Topics {

  /** Raw entries as feeds gave them, keyed by {@code entryKey}. Written by the fetcher. */
  public static final String ENTRY_FETCHED = "cleanwire.entry.fetched.v1";

  /** Fetched entries the normalizer could not process, with the reason in headers. */
  public static final String ENTRY_FETCHED_DLQ = ENTRY_FETCHED + ".dlq";

  /** Cleaned, deduplicated entries, keyed by {@code entryKey}. Written by the normalizer. */
  public static final String ENTRY_NORMALIZED = "cleanwire.entry.normalized.v1";

  /** Normalized entries the publisher could not store, with the reason in headers. */
  public static final String ENTRY_NORMALIZED_DLQ = ENTRY_NORMALIZED + ".dlq";

  /** Partitions a topic gets when Cleanwire creates it; replicas scale up to this number. */
  public static final int DEFAULT_PARTITIONS = 12;

  private Topics() {}
}

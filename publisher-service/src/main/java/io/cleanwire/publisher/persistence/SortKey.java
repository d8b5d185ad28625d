package io.cleanwire.publisher.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * Position of an item in every list: newest first by {@code sortTime}, ties broken by {@code
 * entryKey}, both descending; unique because {@code entryKey} is.
 */
public record SortKey(Instant sortTime, String entryKey) {

  /** Rejects incomplete keys: a cursor must name an exact position. */
  public SortKey {
    Objects.requireNonNull(sortTime, "sortTime");
    Objects.requireNonNull(entryKey, "entryKey");
  }
}

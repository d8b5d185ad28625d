package io.cleanwire.publisher.persistence;

import java.time.Instant;

/**
 * The version of the item table as conditional GETs see it.
 *
 * @param lastChange newest {@code changed_at}, null when the table is empty
 * @param rows number of stored items
 */
public record TableStamp(Instant lastChange, long rows) {

  /** A compact text form, the input of every ETag. */
  public String token() {
    return (lastChange == null ? "0" : lastChange.getEpochSecond() + "." + lastChange.getNano())
        + "-"
        + rows;
  }
}

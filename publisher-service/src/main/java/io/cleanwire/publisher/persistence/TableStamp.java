package io.cleanwire.publisher.persistence;

import java.time.Instant;

/**
 * The version of the item table as conditional GETs see it, read from three index ends (no scan):
 * an insert raises {@code lastSeq}, an edit raises {@code lastChange}, and retention, which deletes
 * the oldest items first, raises {@code oldest}.
 *
 * @param lastChange newest {@code changed_at}, null when the table is empty
 * @param lastSeq highest {@code stored_seq}, 0 when the table is empty
 * @param oldest oldest {@code sort_time}, null when the table is empty
 */
public record TableStamp(Instant lastChange, long lastSeq, Instant oldest) {

  /** A compact text form, the input of every ETag. */
  public String token() {
    return text(lastChange) + "-" + lastSeq + "-" + text(oldest);
  }

  private static String text(Instant instant) {
    return instant == null ? "0" : instant.getEpochSecond() + "." + instant.getNano();
  }
}

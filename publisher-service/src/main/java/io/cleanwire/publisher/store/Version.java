package io.cleanwire.publisher.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * The version of an entry as the publisher orders them: by {@code normalizedAt}, then the feed's
 * {@code updatedAt}, then {@code eventId} as a deterministic tie-break; nulls are oldest.
 *
 * <p>Times are truncated to microseconds, the precision both H2 and PostgreSQL store, so that a
 * redelivered event compares equal to the row it wrote.
 */
public record Version(Instant normalizedAt, Instant updatedAt, String eventId)
    implements Comparable<Version> {

  private static final Comparator<Version> ORDER =
      Comparator.comparing(Version::normalizedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Version::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Version::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Version {
    normalizedAt = micros(normalizedAt);
    updatedAt = micros(updatedAt);
  }

  @Override
  public int compareTo(Version other) {
    return ORDER.compare(this, Objects.requireNonNull(other));
  }

  /** Truncates to the microsecond precision of the database columns; null stays null. */
  public static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}

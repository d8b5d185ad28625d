package io.cleanwire.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes {@link ItemEntity} rows and answers the table-wide questions (version stamp, retention);
 * lists are read by {@link io.cleanwire.publisher.query.ItemReader} without the ORM.
 */
@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<ItemEntity, String> {

  /**
   * The version of the whole table (see {@link TableStamp}); three index lookups ({@code
   * item_changed_idx}, {@code item_stored_seq_uk}, {@code item_sort_idx}), never a scan: a count
   * would read every row.
   */
  public TableStamp stamp() {
    Object[] row =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "select (select max(changed_at) from item), (select max(stored_seq) from item),"
                        + " (select min(sort_time) from item)")
                .getSingleResult();
    return new TableStamp(
        toInstant(row[0]), row[1] == null ? 0 : ((Number) row[1]).longValue(), toInstant(row[2]));
  }

  /**
   * Deletes at most {@code batchSize} items whose sort time is before {@code cutoff}, oldest first,
   * and returns how many were deleted; the caller commits each batch on its own.
   */
  public int deleteOlderThan(Instant cutoff, int batchSize) {
    return getEntityManager()
        .createNativeQuery(
            "delete from item where entry_key in (select entry_key from item"
                + " where sort_time < :cutoff order by sort_time limit "
                + Math.max(1, batchSize)
                + ")")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
  }
}

package io.cleanwire.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads and writes {@link ItemEntity} rows; every list query is a keyset query served by an index
 * of the migrations, never an OFFSET.
 *
 * <p>List queries are native SQL because full-text search needs database-specific operators ({@link
 * SearchSql}); the rest of each statement is plain SQL that H2 and PostgreSQL share.
 */
@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<ItemEntity, String> {

  /** Every mapped column, so that native queries never drag the search column along. */
  private static final String COLUMNS =
      String.join(
          ", ",
          List.of(
                  "entry_key",
                  "story_id",
                  "duplicate_of",
                  "matched_by",
                  "similarity",
                  "feed_url",
                  "feed_title",
                  "guid",
                  "link",
                  "canonical_url",
                  "title",
                  "summary",
                  "content_html",
                  "language",
                  "language_confidence",
                  "published_at",
                  "updated_at",
                  "fetched_at",
                  "normalized_at",
                  "authors_json",
                  "categories_json",
                  "enclosures_json",
                  "repairs_json",
                  "event_id",
                  "sort_time",
                  "stored_seq",
                  "first_stored_at",
                  "changed_at")
              .stream()
              .map(c -> "i." + c)
              .toList());

  private final String dbKind;

  public ItemRepository(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.dbKind = dbKind;
  }

  /**
   * Returns up to {@code max} items matching {@code filter}, newest first, strictly after {@code
   * after} (null for the first page).
   *
   * <p>With {@code collapse}, an item is returned only when no member of its story that also
   * matches the filter was stored before it: each story appears once, through its first stored
   * matching member. Later members never displace that representative, which keeps paging stable
   * while items arrive. The {@code NOT EXISTS} probe is served by {@code item_story_idx}.
   */
  @SuppressWarnings("unchecked")
  public List<ItemEntity> page(ItemFilter filter, boolean collapse, SortKey after, int max) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
    sql.append(" from item i where 1 = 1");
    appendFilter(sql, params, filter, "i");
    if (after != null) {
      // The first condition lets the database seek the (sort_time, entry_key) index directly;
      // the second settles ties on sort_time.
      sql.append(
          " and i.sort_time <= :afterTime"
              + " and (i.sort_time < :afterTime or i.entry_key < :afterKey)");
      params.put("afterTime", after.sortTime());
      params.put("afterKey", after.entryKey());
    }
    if (collapse) {
      sql.append(
          " and not exists (select 1 from item j where j.story_id = i.story_id"
              + " and j.stored_seq < i.stored_seq");
      appendFilter(sql, params, filter, "j");
      sql.append(")");
    }
    sql.append(" order by i.sort_time desc, i.entry_key desc");
    // A literal, not a bind parameter: with a parameter PostgreSQL's cached generic plan cannot
    // see how few rows are wanted and picks a parallel scan of the whole table (~50x slower).
    sql.append(" limit ").append(Math.max(1, max));
    return native_(sql, params).getResultList();
  }

  /**
   * Up to {@code max} items written (inserted or replaced) strictly after {@code after} and no
   * later than {@code settledUntil}, oldest change first; served by {@code item_changed_idx}.
   */
  @SuppressWarnings("unchecked")
  public List<ItemEntity> changes(ItemFilter filter, SortKey after, Instant settledUntil, int max) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
    sql.append(" from item i where i.changed_at <= :settled");
    params.put("settled", settledUntil);
    if (after != null) {
      sql.append(
          " and i.changed_at >= :afterTime"
              + " and (i.changed_at > :afterTime or i.entry_key > :afterKey)");
      params.put("afterTime", after.sortTime());
      params.put("afterKey", after.entryKey());
    }
    appendFilter(sql, params, filter, "i");
    sql.append(" order by i.changed_at, i.entry_key limit ").append(Math.max(1, max));
    return native_(sql, params).getResultList();
  }

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

  /** Where each member of the given stories came from, in arrival order within each story. */
  public List<StoryMemberRow> sourcesOf(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select new io.cleanwire.publisher.persistence.StoryMemberRow("
                + "i.storyId, i.entryKey, i.feedUrl, i.feedTitle, i.link)"
                + " from ItemEntity i where i.storyId in :ids order by i.storyId, i.storedSeq",
            StoryMemberRow.class)
        .setParameter("ids", storyIds)
        .getResultList();
  }

  /** Every member of the given stories, in arrival order within each story. */
  public List<ItemEntity> membersOf(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    return list("storyId in :ids order by storyId, storedSeq", Parameters.with("ids", storyIds));
  }

  private Query native_(StringBuilder sql, Map<String, Object> params) {
    Query query = getEntityManager().createNativeQuery(sql.toString(), ItemEntity.class);
    params.forEach(query::setParameter);
    return query;
  }

  private void appendFilter(
      StringBuilder sql, Map<String, Object> params, ItemFilter filter, String alias) {
    // Parameter names are shared by both aliases: the same values apply to item and member.
    if (!filter.languages().isEmpty()) {
      sql.append(" and ").append(alias).append(".language in (:languages)");
      params.put("languages", filter.languages());
    }
    if (filter.feedUrl() != null) {
      sql.append(" and ").append(alias).append(".feed_url = :feedUrl");
      params.put("feedUrl", filter.feedUrl());
    }
    if (filter.storyId() != null) {
      sql.append(" and ").append(alias).append(".story_id = :storyId");
      params.put("storyId", filter.storyId());
    }
    if (filter.since() != null) {
      sql.append(" and ").append(alias).append(".sort_time >= :since");
      params.put("since", filter.since());
    }
    if (filter.until() != null) {
      sql.append(" and ").append(alias).append(".sort_time < :until");
      params.put("until", filter.until());
    }
    SearchSql.append(sql, params, dbKind, filter, alias);
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

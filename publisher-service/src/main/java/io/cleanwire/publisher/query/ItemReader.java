package io.cleanwire.publisher.query;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.JsonColumns;
import io.cleanwire.publisher.persistence.SearchSql;
import io.cleanwire.publisher.persistence.SortKey;
import io.cleanwire.publisher.persistence.StoryMemberRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The read side of the item table in plain JDBC: every list is a keyset query served by an index of
 * the migrations, never an OFFSET, and every row goes straight into an {@link Item}.
 *
 * <p>Reads never modify what they load, so they skip the ORM: no managed entities, no persistence
 * context, no dirty checking at the end of the request. Writes stay with {@link
 * io.cleanwire.publisher.persistence.ItemRepository}. The statements are plain SQL that H2 and
 * PostgreSQL share, except full-text search ({@link SearchSql}).
 */
@ApplicationScoped
public class ItemReader {

  /** The columns an {@link Item} shows, in the order {@link #item} reads them. */
  private static final List<String> ITEM_COLUMNS =
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
          "fetched_at",
          "authors_json",
          "categories_json",
          "enclosures_json",
          "repairs_json",
          "sort_time",
          "first_stored_at",
          "changed_at");

  private static final String COLUMNS =
      String.join(", ", ITEM_COLUMNS.stream().map(c -> "i." + c).toList());

  private final AgroalDataSource dataSource;
  private final String dbKind;

  public ItemReader(
      AgroalDataSource dataSource,
      @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.dataSource = dataSource;
    this.dbKind = dbKind;
  }

  /**
   * Up to {@code max} items matching {@code filter}, newest first, strictly after {@code after}
   * (null for the first page).
   *
   * <p>With {@code collapse}, an item is returned only when no member of its story that also
   * matches the filter was stored before it: each story appears once, through its first stored
   * matching member. Later members never displace that representative, which keeps paging stable
   * while items arrive. The {@code NOT EXISTS} probe is served by {@code item_story_idx}.
   */
  public List<Item> page(ItemFilter filter, boolean collapse, SortKey after, int max) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
    sql.append(" from item i where 1 = 1");
    String parsed = parse(filter);
    appendFilter(sql, params, filter, "i", parsed);
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
      appendFilter(sql, params, filter, "j", parsed);
      sql.append(")");
    }
    sql.append(" order by i.sort_time desc, i.entry_key desc");
    // A literal, not a bind parameter: with a parameter PostgreSQL's cached generic plan cannot
    // see how few rows are wanted and picks a parallel scan of the whole table (~50x slower).
    sql.append(" limit ").append(Math.max(1, max));
    return items(sql, params);
  }

  /**
   * Up to {@code max} items written (inserted or replaced) strictly after {@code after} and no
   * later than {@code settledUntil}, oldest change first; served by {@code item_changed_idx}.
   */
  public List<Item> changes(ItemFilter filter, SortKey after, Instant settledUntil, int max) {
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
    appendFilter(sql, params, filter, "i", parse(filter));
    sql.append(" order by i.changed_at, i.entry_key limit ").append(Math.max(1, max));
    return items(sql, params);
  }

  /** One item by key. */
  public Optional<Item> byKey(String entryKey) {
    Map<String, Object> params = Map.of("key", entryKey);
    List<Item> rows =
        items(
            new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from item i where i.entry_key = :key"),
            params);
    return rows.stream().findFirst();
  }

  /** Every member of the given stories, in arrival order within each story. */
  public List<Item> membersOf(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    return items(
        new StringBuilder("select ")
            .append(COLUMNS)
            .append(" from item i where i.story_id in (:ids) order by i.story_id, i.stored_seq"),
        Map.of("ids", List.copyOf(storyIds)));
  }

  /** Where each member of the given stories came from, in arrival order within each story. */
  public List<StoryMemberRow> sourcesOf(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "select i.story_id, i.entry_key, i.feed_url, i.feed_title, i.link from item i"
                + " where i.story_id in (:ids) order by i.story_id, i.stored_seq");
    return query(
        sql,
        Map.of("ids", List.copyOf(storyIds)),
        rs ->
            new StoryMemberRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
  }

  private List<Item> items(StringBuilder sql, Map<String, Object> params) {
    return query(sql, params, ItemReader::item);
  }

  private static Item item(ResultSet rs) throws SQLException {
    double similarity = rs.getDouble(5);
    Double similarityOrNull = rs.wasNull() ? null : similarity;
    return new Item(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        JsonColumns.matchedBy(rs.getString(4)),
        similarityOrNull,
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getDouble(15),
        instant(rs, 16),
        instant(rs, 17),
        JsonColumns.strings(rs.getString(18)),
        JsonColumns.strings(rs.getString(19)),
        JsonColumns.enclosures(rs.getString(20)),
        JsonColumns.repairs(rs.getString(21)),
        instant(rs, 22),
        instant(rs, 23),
        instant(rs, 24),
        List.of());
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(StringBuilder sql, Map<String, Object> params, RowMapper<T> mapper) {
    List<Object> values = new ArrayList<>();
    String statement = positional(sql, params, values);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps = connection.prepareStatement(statement)) {
      for (int k = 0; k < values.size(); k++) {
        Object value = values.get(k);
        if (value instanceof Instant instant) {
          ps.setObject(k + 1, instant.atOffset(ZoneOffset.UTC));
        } else {
          ps.setObject(k + 1, value);
        }
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("item query failed: " + e.getMessage(), e);
    }
  }

  /**
   * Turns {@code :name} placeholders into JDBC {@code ?} and appends their values in order; a
   * collection value becomes one placeholder per element ({@code in (:ids)}). A name may appear
   * more than once. {@code ::} (a PostgreSQL cast) and quoted text are left alone.
   */
  static String positional(CharSequence sql, Map<String, Object> params, List<Object> values) {
    StringBuilder out = new StringBuilder(sql.length());
    boolean quoted = false;
    int n = sql.length();
    for (int k = 0; k < n; k++) {
      char c = sql.charAt(k);
      if (c == '\'') {
        quoted = !quoted;
        out.append(c);
        continue;
      }
      if (quoted || c != ':') {
        out.append(c);
        continue;
      }
      if (k + 1 < n && sql.charAt(k + 1) == ':') {
        out.append("::");
        k++;
        continue;
      }
      int end = k + 1;
      while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
        end++;
      }
      if (end == k + 1) {
        out.append(c);
        continue;
      }
      String name = sql.subSequence(k + 1, end).toString();
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      Object value = params.get(name);
      if (value instanceof Collection<?> many) {
        if (many.isEmpty()) {
          throw new IllegalArgumentException("empty list for :" + name);
        }
        boolean first = true;
        for (Object element : many) {
          out.append(first ? "?" : ", ?");
          values.add(element);
          first = false;
        }
      } else {
        out.append('?');
        values.add(value);
      }
      k = end - 1;
    }
    return out.toString();
  }

  /**
   * PostgreSQL, with a text query: the query parsed in every candidate language, OR-ed ({@link
   * SearchSql#anyLanguage}); else null.
   */
  private String parse(ItemFilter filter) {
    if (filter.text() == null || !SearchSql.isPostgres(dbKind)) {
      return null;
    }
    List<String> languages = SearchSql.candidateLanguages(filter);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps = connection.prepareStatement(SearchSql.PARSE_SQL)) {
      ps.setString(1, filter.text());
      ps.setArray(2, connection.createArrayOf("varchar", languages.toArray()));
      List<String> parses = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parses.add(rs.getString(1));
        }
      }
      return SearchSql.anyLanguage(parses);
    } catch (SQLException e) {
      throw new IllegalStateException("search query could not be parsed: " + e.getMessage(), e);
    }
  }

  private void appendFilter(
      StringBuilder sql,
      Map<String, Object> params,
      ItemFilter filter,
      String alias,
      String parsed) {
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
    SearchSql.append(sql, params, dbKind, filter, alias, parsed);
  }
}

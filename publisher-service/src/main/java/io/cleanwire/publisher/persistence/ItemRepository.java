package io.cleanwire.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes {@link ItemEntity} rows; every list query is a keyset query served by an index
 * of {@code V1__items.sql}, never an OFFSET.
 */
@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<ItemEntity, String> {

  /**
   * Returns up to {@code max} items matching {@code filter}, newest first, strictly after {@code
   * after} (null for the first page).
   *
   * <p>With {@code collapse}, an item is returned only when no member of its story that also
   * matches the filter was stored before it: each story appears once, through its first stored
   * matching member. Later members never displace that representative, which keeps paging stable
   * while items arrive. The {@code NOT EXISTS} probe is served by {@code item_story_idx}.
   */
  public List<ItemEntity> page(ItemFilter filter, boolean collapse, SortKey after, int max) {
    Parameters params = new Parameters();
    StringBuilder hql = new StringBuilder("select i from ItemEntity i where 1 = 1");
    appendFilter(hql, params, filter, "i");
    if (after != null) {
      // The first condition lets the database seek the (sort_time, entry_key) index directly;
      // the second settles ties on sort_time.
      hql.append(
          " and i.sortTime <= :afterTime"
              + " and (i.sortTime < :afterTime or i.entryKey < :afterKey)");
      params.and("afterTime", after.sortTime()).and("afterKey", after.entryKey());
    }
    if (collapse) {
      hql.append(
          " and not exists (select 1 from ItemEntity j where j.storyId = i.storyId"
              + " and j.storedSeq < i.storedSeq");
      appendFilter(hql, params, filter, "j");
      hql.append(")");
    }
    hql.append(" order by i.sortTime desc, i.entryKey desc");
    return find(hql.toString(), params).range(0, max - 1).list();
  }

  /** Every member of the given stories, in arrival order within each story. */
  public List<ItemEntity> membersOf(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    return list("storyId in :ids order by storyId, storedSeq", Parameters.with("ids", storyIds));
  }

  private static void appendFilter(
      StringBuilder hql, Parameters params, ItemFilter filter, String alias) {
    // Parameter names are shared by both aliases: the same values apply to item and member.
    if (!filter.languages().isEmpty()) {
      hql.append(" and ").append(alias).append(".language in :languages");
      params.and("languages", filter.languages());
    }
    if (filter.feedUrl() != null) {
      hql.append(" and ").append(alias).append(".feedUrl = :feedUrl");
      params.and("feedUrl", filter.feedUrl());
    }
    if (filter.storyId() != null) {
      hql.append(" and ").append(alias).append(".storyId = :storyId");
      params.and("storyId", filter.storyId());
    }
    if (filter.since() != null) {
      hql.append(" and ").append(alias).append(".sortTime >= :since");
      params.and("since", filter.since());
    }
    if (filter.until() != null) {
      hql.append(" and ").append(alias).append(".sortTime < :until");
      params.and("until", filter.until());
    }
  }
}

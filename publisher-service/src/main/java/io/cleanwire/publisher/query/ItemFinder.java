package io.cleanwire.publisher.query;

import io.cleanwire.publisher.persistence.ItemEntity;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.ItemRepository;
import io.cleanwire.publisher.persistence.JsonColumns;
import io.cleanwire.publisher.persistence.SortKey;
import io.cleanwire.publisher.persistence.StoryMemberRow;
import io.cleanwire.publisher.persistence.TableStamp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Answers the read side (REST lists, single items, stories, output feeds) from stored items. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ItemFinder {

  private final ItemRepository items;

  public ItemFinder(ItemRepository items) {
    this.items = items;
  }

  /** One page, newest first; fetches one extra row to know whether a next page exists. */
  public Page page(ItemQuery query) {
    List<ItemEntity> rows =
        items.page(query.filter(), query.collapse(), query.after(), query.limit() + 1);
    String nextCursor = null;
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      ItemEntity last = rows.get(rows.size() - 1);
      nextCursor = Cursor.encode(new SortKey(last.sortTime, last.entryKey));
    }
    return new Page(toItems(rows, query.collapse()), nextCursor);
  }

  /**
   * Items written after {@code after}, oldest change first, up to {@code settledUntil}. The next
   * cursor is always set: the last item's change position, else {@code after} itself, so that a
   * client can poll with it again.
   */
  public ChangePage changes(ItemFilter filter, SortKey after, Instant settledUntil, int limit) {
    List<ItemEntity> rows = items.changes(filter, after, settledUntil, limit);
    // From the beginning and nothing there yet: a cursor before every possible change.
    SortKey next = after != null ? after : new SortKey(Instant.EPOCH, "");
    if (!rows.isEmpty()) {
      ItemEntity last = rows.get(rows.size() - 1);
      next = new SortKey(last.changedAt, last.entryKey);
    }
    return new ChangePage(toItems(rows, true), Cursor.encodeChange(next), rows.size() == limit);
  }

  /** The current version of the stored items (see {@link TableStamp}). */
  public TableStamp stamp() {
    return items.stamp();
  }

  /** The newest {@code size} stories matching the filter, each through one item, with alsoIn. */
  public List<Item> latestStories(ItemFilter filter, int size) {
    return toItems(items.page(filter, true, null, size), true);
  }

  /** One item by key, with the other members of its story as {@code alsoIn}. */
  public Optional<Item> byKey(String entryKey) {
    return items.findByIdOptional(entryKey).map(row -> toItems(List.of(row), true).get(0));
  }

  /** A story with every member, or empty when no member is stored. */
  public Optional<Story> story(String storyId) {
    List<ItemEntity> rows = items.membersOf(List.of(storyId));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Item> members = rows.stream().map(row -> toItem(row, List.of())).toList();
    Item representative = toItems(rows.subList(0, 1), true).get(0);
    return Optional.of(new Story(storyId, representative, members));
  }

  private List<Item> toItems(List<ItemEntity> rows, boolean withAlsoIn) {
    Map<String, List<StoryMemberRow>> byStory = new LinkedHashMap<>();
    if (withAlsoIn && !rows.isEmpty()) {
      Set<String> storyIds = new LinkedHashSet<>();
      rows.forEach(row -> storyIds.add(row.storyId));
      for (StoryMemberRow member : items.sourcesOf(storyIds)) {
        byStory.computeIfAbsent(member.storyId(), id -> new ArrayList<>()).add(member);
      }
    }
    List<Item> result = new ArrayList<>(rows.size());
    for (ItemEntity row : rows) {
      List<StorySource> alsoIn =
          byStory.getOrDefault(row.storyId, List.of()).stream()
              .filter(member -> !member.entryKey().equals(row.entryKey))
              .map(m -> new StorySource(m.entryKey(), m.feedUrl(), m.feedTitle(), m.link()))
              .toList();
      result.add(toItem(row, alsoIn));
    }
    return result;
  }

  private static Item toItem(ItemEntity row, List<StorySource> alsoIn) {
    return new Item(
        row.entryKey,
        row.storyId,
        row.duplicateOf,
        JsonColumns.matchedBy(row.matchedBy),
        row.similarity,
        row.feedUrl,
        row.feedTitle,
        row.guid,
        row.link,
        row.canonicalUrl,
        row.title,
        row.summary,
        row.contentHtml,
        row.language,
        row.languageConfidence,
        row.publishedAt,
        row.fetchedAt,
        JsonColumns.strings(row.authorsJson),
        JsonColumns.strings(row.categoriesJson),
        JsonColumns.enclosures(row.enclosuresJson),
        JsonColumns.repairs(row.repairsJson),
        row.sortTime,
        row.firstStoredAt,
        row.changedAt,
        alsoIn);
  }
}

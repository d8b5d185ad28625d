package io.cleanwire.publisher.query;

import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.ItemRepository;
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

  private final ItemReader items;
  private final ItemRepository repository;

  public ItemFinder(ItemReader items, ItemRepository repository) {
    this.items = items;
    this.repository = repository;
  }

  /** One page, newest first; fetches one extra row to know whether a next page exists. */
  public Page page(ItemQuery query) {
    List<Item> rows =
        items.page(query.filter(), query.collapse(), query.after(), query.limit() + 1);
    String nextCursor = null;
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      Item last = rows.get(rows.size() - 1);
      nextCursor = Cursor.encode(new SortKey(last.sortTime(), last.entryKey()));
    }
    return new Page(toItems(rows, query.collapse()), nextCursor);
  }

  /**
   * Items written after {@code after}, oldest change first, up to {@code settledUntil}. The next
   * cursor is always set: the last item's change position, else {@code after} itself, so that a
   * client can poll with it again.
   */
  public ChangePage changes(ItemFilter filter, SortKey after, Instant settledUntil, int limit) {
    List<Item> rows = items.changes(filter, after, settledUntil, limit);
    // From the beginning and nothing there yet: a cursor before every possible change.
    SortKey next = after != null ? after : new SortKey(Instant.EPOCH, "");
    if (!rows.isEmpty()) {
      Item last = rows.get(rows.size() - 1);
      next = new SortKey(last.changedAt(), last.entryKey());
    }
    return new ChangePage(toItems(rows, true), Cursor.encodeChange(next), rows.size() == limit);
  }

  /** The current version of the stored items (see {@link TableStamp}). */
  public TableStamp stamp() {
    return repository.stamp();
  }

  /** The newest {@code size} stories matching the filter, each through one item, with alsoIn. */
  public List<Item> latestStories(ItemFilter filter, int size) {
    return toItems(items.page(filter, true, null, size), true);
  }

  /** One item by key, with the other members of its story as {@code alsoIn}. */
  public Optional<Item> byKey(String entryKey) {
    return items.byKey(entryKey).map(row -> toItems(List.of(row), true).get(0));
  }

  /** A story with every member, or empty when no member is stored. */
  public Optional<Story> story(String storyId) {
    List<Item> members = items.membersOf(List.of(storyId));
    if (members.isEmpty()) {
      return Optional.empty();
    }
    Item representative = toItems(members.subList(0, 1), true).get(0);
    return Optional.of(new Story(storyId, representative, members));
  }

  private List<Item> toItems(List<Item> rows, boolean withAlsoIn) {
    if (!withAlsoIn || rows.isEmpty()) {
      return rows;
    }
    Map<String, List<StoryMemberRow>> byStory = new LinkedHashMap<>();
    Set<String> storyIds = new LinkedHashSet<>();
    rows.forEach(row -> storyIds.add(row.storyId()));
    for (StoryMemberRow member : items.sourcesOf(storyIds)) {
      byStory.computeIfAbsent(member.storyId(), id -> new ArrayList<>()).add(member);
    }
    List<Item> result = new ArrayList<>(rows.size());
    for (Item row : rows) {
      List<StoryMemberRow> members = byStory.getOrDefault(row.storyId(), List.of());
      if (members.size() <= 1) {
        result.add(row);
        continue;
      }
      List<StorySource> alsoIn = new ArrayList<>(members.size() - 1);
      for (StoryMemberRow m : members) {
        if (!m.entryKey().equals(row.entryKey())) {
          alsoIn.add(new StorySource(m.entryKey(), m.feedUrl(), m.feedTitle(), m.link()));
        }
      }
      result.add(row.withAlsoIn(alsoIn));
    }
    return result;
  }
}

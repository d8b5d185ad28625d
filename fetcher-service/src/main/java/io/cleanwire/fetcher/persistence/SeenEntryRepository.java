package io.cleanwire.fetcher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the entries already published per feed. */
@ApplicationScoped
public class SeenEntryRepository implements PanacheRepository<SeenEntry> {

  private static final int IN_CHUNK = 500;

  /** The seen entries of a feed among the given keys, by entry key. */
  public Map<String, SeenEntry> findByKeys(long feedId, Collection<String> entryKeys) {
    Map<String, SeenEntry> byKey = new HashMap<>();
    List<String> keys = List.copyOf(entryKeys);
    // Chunked so that a feed with thousands of entries never builds an oversized IN list.
    for (int from = 0; from < keys.size(); from += IN_CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
      for (SeenEntry seen : list("feedId = ?1 and entryKey in ?2", feedId, chunk)) {
        byKey.put(seen.entryKey, seen);
      }
    }
    return byKey;
  }

  public long countForFeed(long feedId) {
    return count("feedId", feedId);
  }

  public long deleteForFeed(long feedId) {
    return delete("feedId", feedId);
  }
}

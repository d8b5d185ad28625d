package io.cleanwire.normalizer.language;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The languages a feed's recent entries were confidently detected in, used as a weak prior for its
 * ambiguous entries (a majority of a feed's last titles names its language in ~99.7% of feeds).
 *
 * <p>Kept in the memory of one replica and bounded (least recently used feeds are forgotten): it
 * only tips ambiguous short texts, never a clear one, and story decisions do not read it.
 */
public final class FeedLanguageMix {

  private final int window;
  private final Map<String, int[]> slots;
  private final Map<String, String[]> recent;

  /**
   * @param maxFeeds feeds remembered
   * @param window last decisions remembered per feed
   */
  public FeedLanguageMix(int maxFeeds, int window) {
    this.window = window;
    this.slots = new HashMap<>();
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            boolean remove = size() > maxFeeds;
            if (remove) {
              slots.remove(eldest.getKey());
            }
            return remove;
          }
        };
  }

  /** Remembers a confident decision for {@code feedKey}. */
  public synchronized void record(String feedKey, String language) {
    if (feedKey == null) {
      return;
    }
    String[] ring = recent.computeIfAbsent(feedKey, k -> new String[window]);
    int[] next = slots.computeIfAbsent(feedKey, k -> new int[1]);
    ring[next[0] % window] = language;
    next[0]++;
  }

  /** Share of each language among the feed's remembered decisions (empty when unknown). */
  public synchronized Map<String, Double> shares(String feedKey) {
    String[] ring = feedKey == null ? null : recent.get(feedKey);
    Map<String, Double> out = new HashMap<>();
    if (ring == null) {
      return out;
    }
    int n = 0;
    for (String l : ring) {
      if (l != null) {
        out.merge(l, 1.0, Double::sum);
        n++;
      }
    }
    final int total = n;
    out.replaceAll((k, v) -> v / total);
    return out;
  }
}

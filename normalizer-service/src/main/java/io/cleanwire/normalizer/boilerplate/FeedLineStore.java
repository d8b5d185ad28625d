package io.cleanwire.normalizer.boilerplate;

import java.util.Collection;
import java.util.Set;

/**
 * Remembers, per feed, how many entries each short line appeared in, so that lines a feed repeats
 * in many entries (its own header, signature or share bar) are recognised as boilerplate.
 *
 * <p>The state must be shared by all replicas (the database), never one replica's memory; lines are
 * kept as hashes, and the number of lines per feed is bounded by the implementation.
 */
public interface FeedLineStore {

  /** A store that learns nothing (tests, and learning switched off). */
  FeedLineStore NONE =
      new FeedLineStore() {
        @Override
        public Set<String> boilerplate(String feedUrl, Collection<String> lineHashes) {
          return Set.of();
        }

        @Override
        public void observe(String feedUrl, String entryKey, Collection<String> lineHashes) {}
      };

  /** The hashes among {@code lineHashes} that this feed repeats often enough to be boilerplate. */
  Set<String> boilerplate(String feedUrl, Collection<String> lineHashes);

  /** Counts one entry of the feed with these (distinct) line hashes. */
  void observe(String feedUrl, String entryKey, Collection<String> lineHashes);
}

package io.cleanwire.publisher.query;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.TableStamp;
import io.cleanwire.publisher.store.ItemsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link TableStamp}, read from the database at most once per {@code
 * cleanwire.publisher.cache.stamp-ttl} and at once after this instance committed a write: it makes
 * a 304 answer one hash and no query, however large the table.
 *
 * <p>Writes by other replicas show after at most the TTL; until then a client may get a 304 for a
 * representation that is up to one TTL old, as with any {@code max-age} cache.
 */
@ApplicationScoped
public class VersionStamps {

  private record Cached(TableStamp stamp, long readAtNanos, long generation) {}

  private final ItemFinder finder;
  private final long ttlNanos;
  private final AtomicLong generation = new AtomicLong();
  private volatile Cached cached;

  public VersionStamps(ItemFinder finder, PublisherConfig config) {
    this.finder = finder;
    this.ttlNanos = config.cache().stampTtl().toNanos();
  }

  /** The stamp of the stored items, cached or read now (blocking: not on an I/O thread). */
  public TableStamp current() {
    TableStamp fresh = currentIfFresh();
    if (fresh != null) {
      return fresh;
    }
    // One reader at a time: when the TTL runs out under load, one thread reads and the others
    // wait for its answer instead of all querying at once.
    synchronized (this) {
      fresh = currentIfFresh();
      if (fresh != null) {
        return fresh;
      }
      // The generation is read before the query: a commit during the query leaves the cached
      // entry outdated on arrival, so the next call reads again.
      long gen = generation.get();
      long now = System.nanoTime();
      TableStamp stamp = finder.stamp();
      cached = new Cached(stamp, now, gen);
      return stamp;
    }
  }

  /** The cached stamp when it is still valid, else null; never blocks (I/O threads use it). */
  public TableStamp currentIfFresh() {
    Cached c = cached;
    if (c != null
        && c.generation() == generation.get()
        && System.nanoTime() - c.readAtNanos() < ttlNanos) {
      return c.stamp();
    }
    return null;
  }

  /** Forgets the cached stamp once a write of this instance has committed. */
  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemsChanged event) {
    generation.incrementAndGet();
  }
}

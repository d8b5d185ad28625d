package io.cleanwire.publisher.query;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.SortKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The change feed: items created or updated after a cursor, as pages ({@link #page}) or as an
 * endless stream ({@link #follow}) that polls the database, so every replica serves every change
 * whichever replica stored it.
 *
 * <p>Changes younger than {@code cleanwire.publisher.changes.settle-time} are held back: a writer
 * stamps {@code changed_at} before its commit, so a row can become visible with a stamp older than
 * rows already served; waiting until no transaction can still be in flight keeps a cursor from
 * skipping it. Deletions by the retention job are not reported.
 */
@ApplicationScoped
public class ChangeFeed {

  private static final int STREAM_BATCH = 100;

  private final ItemFinder finder;
  private final Duration settleTime;
  private final Duration pollInterval;
  private final Clock clock = Clock.systemUTC();

  public ChangeFeed(ItemFinder finder, PublisherConfig config) {
    this.finder = finder;
    this.settleTime = config.changes().settleTime();
    this.pollInterval = config.changes().pollInterval();
  }

  /** One page of settled changes after {@code after} (null: from the very first item). */
  public ChangePage page(ItemFilter filter, SortKey after, int limit) {
    return finder.changes(filter, after, settledUntil(), limit);
  }

  /** Where a stream without a cursor starts: the changes that settle from now on. */
  public SortKey now() {
    return new SortKey(settledUntil(), "");
  }

  /**
   * Every settled change after {@code start}, in order, for as long as the subscriber stays; each
   * poll reads on a worker thread in its own short transaction.
   */
  public Multi<Item> follow(ItemFilter filter, SortKey start) {
    AtomicReference<SortKey> position = new AtomicReference<>(start);
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(pollInterval)
        .onOverflow()
        .drop()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(
            tick ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> finder.changes(filter, position.get(), settledUntil(), STREAM_BATCH)))
        .onItem()
        .transformToIterable(
            page -> {
              List<Item> items = page.items();
              if (!items.isEmpty()) {
                Item last = items.get(items.size() - 1);
                position.set(new SortKey(last.changedAt(), last.entryKey()));
              }
              return items;
            });
  }

  private Instant settledUntil() {
    return clock.instant().minus(settleTime);
  }
}

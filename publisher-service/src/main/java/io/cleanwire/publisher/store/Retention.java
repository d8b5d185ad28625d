package io.cleanwire.publisher.store;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.ItemRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes items older than {@code cleanwire.publisher.retention.max-age} (by list time), in batches
 * of {@code batch-size} rows, each batch its own transaction, so that a large backlog never holds
 * locks or a huge undo log for long. Safe on several replicas at once: a row deleted twice is
 * simply not found the second time.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  private final ItemRepository items;
  private final PublisherConfig config;
  private final MeterRegistry meters;
  private final Event<ItemsChanged> changed;
  private final Clock clock = Clock.systemUTC();

  public Retention(
      ItemRepository items,
      PublisherConfig config,
      MeterRegistry meters,
      Event<ItemsChanged> changed) {
    this.items = items;
    this.config = config;
    this.meters = meters;
    this.changed = changed;
  }

  @Scheduled(
      identity = "publisher-retention",
      every = "${cleanwire.publisher.retention.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    purgeOlderThan(clock.instant().minus(config.retention().maxAge()));
  }

  /** Deletes every item whose list time is before {@code cutoff}; returns how many. */
  public long purgeOlderThan(Instant cutoff) {
    int batchSize = config.retention().batchSize();
    long total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    int n = items.deleteOlderThan(cutoff, batchSize);
                    if (n > 0) {
                      changed.fire(new ItemsChanged(n));
                    }
                    return n;
                  });
      total += deleted;
    } while (deleted >= batchSize);
    if (total > 0) {
      meters.counter("cleanwire.publisher.retention.deleted").increment(total);
      LOG.infof("retention deleted=%d cutoff=%s", total, cutoff);
    }
    return total;
  }
}

package io.cleanwire.fetcher.schedule;

import io.cleanwire.fetcher.config.FetcherConfig;
import io.cleanwire.fetcher.persistence.FeedLeaseRepository;
import io.cleanwire.fetcher.poll.FeedPoller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * On each tick, claims due feeds through database leases (so replicas never poll a feed twice) and
 * polls them on a bounded pool of workers, batch after batch until nothing is due.
 */
@ApplicationScoped
public class PollScheduler {

  private static final Logger LOG = Logger.getLogger(PollScheduler.class);

  /** Bounds one tick, so that a misconfigured schedule can never spin forever. */
  private static final int MAX_BATCHES_PER_TICK = 100;

  private final FetcherConfig config;
  private final FeedLeaseRepository leases;
  private final FeedPoller poller;
  private final String replicaId;
  private final ExecutorService workers;

  public PollScheduler(FetcherConfig config, FeedLeaseRepository leases, FeedPoller poller) {
    this.config = config;
    this.leases = leases;
    this.poller = poller;
    this.replicaId =
        config.replicaId().filter(id -> !id.isBlank()).orElse("fetcher-" + UUID.randomUUID());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, config.pollConcurrency()),
            r -> {
              Thread t = new Thread(r, "poll-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /**
   * Takes the lease of one feed for a poll on demand, so that an admin's poll never runs while
   * another replica polls the same feed; the poll's outcome releases it.
   *
   * @return false when another replica holds a live lease on the feed
   */
  public boolean claimForManualPoll(long feedId) {
    Instant now = Instant.now();
    return QuarkusTransaction.requiringNew()
        .call(() -> leases.claimOne(feedId, replicaId, now, now.plus(config.leaseDuration())));
  }

  /** This replica's name in lease rows. */
  public String replicaId() {
    return replicaId;
  }

  @Scheduled(
      identity = "poll-due-feeds",
      every = "{cleanwire.fetcher.scheduler-tick}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (config.schedulerEnabled()) {
      pollDueFeeds();
    }
  }

  /** Polls the feeds due now as this replica; returns how many were polled. */
  public int pollDueFeeds() {
    return pollDueFeedsAs(replicaId);
  }

  /**
   * Claims and polls due feeds under the given replica name until none is due; returns how many
   * were polled. Tests use distinct names to act as several replicas on one database.
   */
  public int pollDueFeedsAs(String owner) {
    return pollDueFeedsAs(owner, config.maxFeedsPerTick());
  }

  /** As {@link #pollDueFeedsAs(String)}, claiming at most {@code batchSize} feeds at a time. */
  public int pollDueFeedsAs(String owner, int batchSize) {
    int polled = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      Instant now = Instant.now();
      List<Long> claimed;
      try {
        claimed =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> leases.claimDue(owner, now, now.plus(config.leaseDuration()), batchSize));
      } catch (RuntimeException e) {
        // A lock conflict with another replica's claim: its feeds are its own; try next tick.
        LOG.debugf("claim failed owner=%s error=%s", owner, e.toString());
        return polled;
      }
      if (claimed.isEmpty()) {
        return polled;
      }
      List<Future<?>> running = new ArrayList<>(claimed.size());
      for (Long feedId : claimed) {
        running.add(workers.submit(() -> pollOne(feedId, owner)));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return polled;
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.errorf(e.getCause(), "poll worker crashed");
        }
      }
      polled += claimed.size();
      if (claimed.size() < batchSize) {
        return polled;
      }
    }
    return polled;
  }

  private void pollOne(long feedId, String owner) {
    try {
      poller.poll(feedId);
    } catch (RuntimeException e) {
      // The poller records its own failures; this only guards the loop so one feed never
      // stops the others. The lease then expires on its own.
      LOG.errorf(e, "poll crashed feedId=%d", feedId);
      try {
        QuarkusTransaction.requiringNew().run(() -> leases.release(feedId, owner));
      } catch (RuntimeException ignored) {
        // the lease expires anyway
      }
    }
  }
}

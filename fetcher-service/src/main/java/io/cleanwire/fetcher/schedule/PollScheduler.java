package io.cleanwire.fetcher.schedule;

import io.cleanwire.fetcher.config.FetcherConfig;
import io.cleanwire.fetcher.persistence.FeedPollStateRepository;
import io.cleanwire.fetcher.poll.FeedPoller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Polls every feed whose next poll is due, one after the other, on each scheduler tick. */
@ApplicationScoped
public class PollScheduler {

  private static final Logger LOG = Logger.getLogger(PollScheduler.class);

  private final FetcherConfig config;
  private final FeedPollStateRepository states;
  private final FeedPoller poller;

  public PollScheduler(FetcherConfig config, FeedPollStateRepository states, FeedPoller poller) {
    this.config = config;
    this.states = states;
    this.poller = poller;
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

  /** Polls the feeds due now; returns how many were polled. */
  public int pollDueFeeds() {
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(() -> states.dueFeedIds(Instant.now(), config.maxFeedsPerTick()));
    for (Long feedId : due) {
      try {
        poller.poll(feedId);
      } catch (RuntimeException e) {
        // The poller records its own failures; this only guards the loop so one feed never
        // stops the others.
        LOG.errorf(e, "poll crashed feedId=%d", feedId);
      }
    }
    return due.size();
  }
}

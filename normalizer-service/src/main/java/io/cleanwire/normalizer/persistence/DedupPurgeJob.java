package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes dedup state older than the window (near-duplicate signatures and bands, URL and content
 * claims) so that the index stays bounded; stored decisions are kept, so a redelivered old entry
 * still replays its story. Every replica may run it: the deletes are idempotent.
 */
@ApplicationScoped
public class DedupPurgeJob {

  private static final Logger LOG = Logger.getLogger(DedupPurgeJob.class);

  private final NearDuplicates near;
  private final BandMirror mirror;

  public DedupPurgeJob(NearDuplicates near, BandMirror mirror) {
    this.near = near;
    this.mirror = mirror;
  }

  @Scheduled(
      cron = "${cleanwire.normalizer.dedup.purge-cron:0 17 * * * ?}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    int deleted = near.purge();
    int forgotten = mirror.evictBefore(near.clock().instant().minus(near.settings().window()));
    LOG.infof("dedup purge deleted=%d bandKeysForgotten=%d", deleted, forgotten);
  }
}

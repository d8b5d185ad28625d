package io.cleanwire.fetcher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and writes each feed's poll state and health. */
@ApplicationScoped
public class FeedPollStateRepository implements PanacheRepositoryBase<FeedPollState, Long> {

  /** Ids of the active feeds whose next poll is due, most overdue first (no lease taken). */
  public List<Long> dueFeedIds(Instant now, int limit) {
    return find("active = true and nextPollAt <= ?1", Sort.ascending("nextPollAt"), now)
        .page(Page.ofSize(limit))
        .project(FeedIdOnly.class)
        .list()
        .stream()
        .map(FeedIdOnly::feedId)
        .toList();
  }

  /** Projection that keeps the due-feed query from loading whole rows. */
  public record FeedIdOnly(Long feedId) {}
}

package io.cleanwire.fetcher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands due feeds to replicas through leases in the database, so that several fetchers share the
 * feeds without polling one twice and a dead replica's feeds come back when its leases expire.
 *
 * <p>Candidates are read with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL (concurrent claimers
 * skip each other's rows instead of waiting). Every candidate is then taken with a conditional
 * {@code UPDATE … WHERE lease is free}; the row count says whether this replica won it. That second
 * step alone is what makes the claim correct, on PostgreSQL and on H2 alike (both re-check the
 * condition on the locked row), so H2 needs no SKIP LOCKED.
 */
@ApplicationScoped
public class FeedLeaseRepository {

  private final EntityManager em;
  private final boolean postgres;

  public FeedLeaseRepository(
      EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.em = em;
    this.postgres = dbKind.toLowerCase().startsWith("postgres");
  }

  /**
   * Claims up to {@code limit} active feeds whose next poll is due, most overdue first. Call inside
   * a transaction; the leases are visible to other replicas once it commits.
   *
   * @return the ids claimed by this owner
   */
  @SuppressWarnings("unchecked")
  public List<Long> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
    String select =
        "SELECT feed_id FROM feed_poll_state WHERE active = TRUE AND next_poll_at <= ?1"
            + " AND (lease_until IS NULL OR lease_until < ?1) ORDER BY next_poll_at"
            + " LIMIT ?2"
            + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
    List<Number> candidates =
        em.createNativeQuery(select)
            .setParameter(1, ts(now))
            .setParameter(2, limit)
            .getResultList();
    List<Long> claimed = new ArrayList<>(candidates.size());
    for (Number candidate : candidates) {
      if (claim(candidate.longValue(), owner, now, leaseUntil, true)) {
        claimed.add(candidate.longValue());
      }
    }
    return claimed;
  }

  /**
   * Claims one feed whatever its schedule, unless another owner holds a live lease on it.
   *
   * @return whether this owner holds the lease now
   */
  public boolean claimOne(long feedId, String owner, Instant now, Instant leaseUntil) {
    return claim(feedId, owner, now, leaseUntil, false);
  }

  private boolean claim(long feedId, String owner, Instant now, Instant until, boolean due) {
    String update =
        "UPDATE feed_poll_state SET lease_owner = ?1, lease_until = ?2 WHERE feed_id = ?3"
            + " AND (lease_until IS NULL OR lease_until < ?4 OR lease_owner = ?1)"
            + (due ? " AND active = TRUE AND next_poll_at <= ?4" : "");
    return em.createNativeQuery(update)
            .setParameter(1, owner)
            .setParameter(2, ts(until))
            .setParameter(3, feedId)
            .setParameter(4, ts(now))
            .executeUpdate()
        == 1;
  }

  /** Gives a feed back; only the owner's own lease is released. */
  public void release(long feedId, String owner) {
    em.createNativeQuery(
            "UPDATE feed_poll_state SET lease_owner = NULL, lease_until = NULL"
                + " WHERE feed_id = ?1 AND lease_owner = ?2")
        .setParameter(1, feedId)
        .setParameter(2, owner)
        .executeUpdate();
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

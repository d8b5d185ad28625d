package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.StoryDecider;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Story decisions for a batch of entries in one database transaction (H2 or PostgreSQL, plain
 * JDBC): a few bulk reads, the matching in memory, a few bulk writes, one commit. See {@link
 * DedupBatch} for how concurrent replicas stay consistent.
 *
 * <p>A lost race rolls the batch back and decides it again; so does a deadlock or serialization
 * failure reported by the database. Any other error is the caller's to handle (it may retry, or
 * split the batch to isolate one bad entry).
 */
public final class JdbcStoryDecider implements StoryDecider {

  private static final Logger LOG = Logger.getLogger(JdbcStoryDecider.class);
  private static final int ATTEMPTS = 20;

  private final DataSource dataSource;
  private final int contentMatchMinChars;
  private final NearDuplicates near;

  /** Whether the database is PostgreSQL (rows written as arrays), once known. */
  private volatile Boolean postgres;

  /**
   * @param near near-duplicate matching (its index is replaced by each batch's view), or null for
   *     exact matching only
   */
  public JdbcStoryDecider(DataSource dataSource, int contentMatchMinChars, NearDuplicates near) {
    this.dataSource = dataSource;
    this.contentMatchMinChars = contentMatchMinChars;
    this.near = near;
  }

  @Override
  public List<StoryDecision> decideAll(List<StoryMatcher.Candidate> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    return inTransaction(
        entries,
        true,
        (batch, batchNear) ->
            new StoryMatcher(batch, contentMatchMinChars, batchNear).decideAll(entries));
  }

  @Override
  public StoryDecision lookup(StoryMatcher.Candidate entry) {
    return inTransaction(
        List.of(entry),
        false,
        (batch, batchNear) ->
            new StoryMatcher(batch, contentMatchMinChars, batchNear).lookup(entry));
  }

  private <T> T inTransaction(
      List<StoryMatcher.Candidate> entries,
      boolean write,
      BiFunction<DedupBatch, NearDuplicates, T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          Instant now = near == null ? Instant.now() : near.clock().instant();
          DedupBatch batch = new DedupBatch(c, now, isPostgres(c));
          NearDuplicates batchNear = near == null ? null : near.withIndex(batch);
          batch.prefetch(entries, batchNear == null ? null : batchNear::sameStory);
          T result = work.apply(batch, batchNear);
          if (write) {
            batch.flush();
            c.commit();
          } else {
            c.rollback();
          }
          return result;
        } catch (DedupBatch.Conflict e) {
          c.rollback();
          retryOrGiveUp(attempt, entries.size(), e.getMessage(), e);
        } catch (SQLException e) {
          c.rollback();
          if (!isRace(e)) {
            throw e;
          }
          retryOrGiveUp(attempt, entries.size(), e.getMessage(), e);
        } catch (RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "dedup batch of " + entries.size() + " failed: " + e.getMessage(), e);
      }
    }
  }

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
      postgres = known;
    }
    return known;
  }

  private static void retryOrGiveUp(int attempt, int size, String reason, Exception e) {
    if (attempt >= ATTEMPTS) {
      throw new IllegalStateException(
          "dedup batch of " + size + " lost " + attempt + " races in a row: " + reason, e);
    }
    LOG.debugf("dedup batch of %d decided again (attempt %d): %s", size, attempt, reason);
    try {
      // a little jitter so that two replicas that collided do not collide again at once
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }

  /**
   * A unique violation (another replica inserted the key first), a deadlock, a serialization
   * failure or a lock timeout: nothing is wrong with the batch, deciding it again will succeed.
   */
  static boolean isRace(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException x = s; x != null; x = x.getNextException()) {
          String state = x.getSQLState();
          if ("23505".equals(state)
              || "40001".equals(state)
              || "40P01".equals(state)
              || "HYT00".equals(state)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

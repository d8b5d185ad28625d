package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.StoryDecider;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  /** The in-memory band index, or null for the database band table ({@code near_band}). */
  private final BandMirror mirror;

  /**
   * @param near near-duplicate matching (its index is replaced by each batch's view), or null for
   *     exact matching only
   */
  public JdbcStoryDecider(DataSource dataSource, int contentMatchMinChars, NearDuplicates near) {
    this(dataSource, contentMatchMinChars, near, null);
  }

  /**
   * @param mirror this replica's in-memory band index ({@link BandMirror}): batches that write are
   *     then serialized across replicas by a lock on {@code dedup_clock}; null for the database
   *     band table, where primary-key races decide. Every replica of a deployment must use the
   *     same.
   */
  public JdbcStoryDecider(
      DataSource dataSource, int contentMatchMinChars, NearDuplicates near, BandMirror mirror) {
    this.dataSource = dataSource;
    this.contentMatchMinChars = contentMatchMinChars;
    this.near = near;
    this.mirror = near == null ? null : mirror;
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
          // micros: what the database keeps, so a replica's own claims and what others read back
          // of them carry the same time
          Instant now =
              (near == null ? Instant.now() : near.clock().instant())
                  .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
          long seqBase = 0;
          if (mirror != null) {
            mirror.load(c); // once per replica, before the lock: the others need not wait for it
            if (write) {
              seqBase = lockWriters(c);
            }
            mirror.catchUp(c);
          }
          DedupBatch batch = new DedupBatch(c, now, isPostgres(c), mirror, seqBase);
          NearDuplicates batchNear = near == null ? null : near.withIndex(batch);
          batch.prefetch(entries, batchNear == null ? null : batchNear::sameStory);
          T result = work.apply(batch, batchNear);
          if (write) {
            batch.flush();
            c.commit();
            if (mirror != null) {
              mirror.applyOwn(seqBase + 1, now, batch.committedClaims());
            }
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

  /**
   * Takes the writers' lock (the {@code dedup_clock} row, held until commit or rollback) and
   * returns the last commit sequence number. Every batch that writes with the memory index takes it
   * first, so batches commit one after another across replicas, in sequence order.
   */
  private static long lockWriters(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT seq FROM dedup_clock WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("dedup_clock has no row: run the V13 migration");
      }
      return rs.getLong(1);
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

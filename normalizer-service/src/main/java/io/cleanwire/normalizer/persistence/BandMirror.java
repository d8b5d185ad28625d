package io.cleanwire.normalizer.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One replica's copy, in memory, of who holds every LSH band key: the near-duplicate band index
 * without a database row per band key.
 *
 * <p>The shared, durable state stays in the database: each entry's {@code near_signature} row lists
 * the band keys it claimed or took over ({@code claimed}) under a commit sequence number ({@code
 * seq}). Writers are serialized by a row lock on {@code dedup_clock} held until commit, so sequence
 * numbers commit in order, and a batch that holds the lock has seen every earlier batch once it has
 * read the rows after its mirror's last sequence number ({@link #catchUp}). Replaying the rows in
 * order gives every replica the same holders, so decisions do not depend on which replica makes
 * them. Band rows written by the database-backed index ({@code near_band}, before an upgrade) are
 * read once at load, under the rows that came after them.
 *
 * <p>Memory: 12 bytes per slot at most 75 % full (~16 bytes per band key) plus one holder per entry
 * (its key and claim time, shared by its bands). 1,000,000 stories of 14 band keys take ~225 MB of
 * slots and ~100 MB of holders.
 */
public final class BandMirror {

  private static final Logger LOG = Logger.getLogger(BandMirror.class);

  private final long expectedKeys;
  private BandTable table;
  private long lastSeq;

  /** Who holds the table's keys, by number (the table's values). */
  private final Holders holders = new Holders();

  /**
   * @param expectedKeys band keys to size the table for at load (stories in the window × 14); it
   *     grows beyond if needed
   */
  public BandMirror(long expectedKeys) {
    this.expectedKeys = expectedKeys;
  }

  /** The last sequence number applied. */
  synchronized long lastSeq() {
    return lastSeq;
  }

  /** Holders (entries with band keys) held. */
  public synchronized int holders() {
    return table == null ? 0 : holders.size();
  }

  /** Band keys held. */
  public synchronized int size() {
    return table == null ? 0 : table.size();
  }

  /** The holder of {@code key}, expired or not, or null. */
  synchronized DedupBatch.Held get(long key) {
    int n = table.get(key);
    return n < 0 ? null : holders.get(n);
  }

  /**
   * Reads the whole index: the rows of the database-backed band table, then every entry's claims in
   * sequence order. Runs once, under the writers' lock or not (what commits meanwhile is read by
   * the next {@link #catchUp}).
   */
  public synchronized void load(Connection c) throws SQLException {
    if (table != null) {
      return;
    }
    long started = System.nanoTime();
    long legacy = count(c, "SELECT count(*) FROM near_band");
    BandTable loading = new BandTable(Math.max(expectedKeys, legacy));
    // one holder per entry and claim time, whatever the number of its band rows
    Map<String, Integer> byEntry = new HashMap<>();
    try (Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery("SELECT band_key, entry_key, claimed_at FROM near_band")) {
        while (rs.next()) {
          String entryKey = rs.getString(2);
          long micros = DedupBatch.Held.micros(rs.getObject(3, OffsetDateTime.class).toInstant());
          Integer n = byEntry.get(entryKey);
          if (n == null || holders.micros(n) != micros) {
            n = holders.add(entryKey, micros);
            byEntry.put(entryKey, n);
          }
          loading.put(rs.getLong(1), n);
        }
      }
    }
    byEntry = null;
    table = loading;
    lastSeq = 0;
    int rows = readAfter(c);
    LOG.infof(
        "band index loaded: %d keys, %d holders (%d band rows from near_band, %d entries with"
            + " claims), ~%d MB, in %d ms",
        table.size(),
        holders.size(),
        legacy,
        rows,
        (table.capacity() * 8 + holders.bytes()) / (1024 * 1024),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Applies the claims committed after {@link #lastSeq}; returns how many entries they were. */
  synchronized int catchUp(Connection c) throws SQLException {
    if (table == null) {
      load(c);
      return 0;
    }
    return readAfter(c);
  }

  private int readAfter(Connection c) throws SQLException {
    int rows = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, entry_key, claimed, created_at FROM near_signature"
                + " WHERE seq > ? ORDER BY seq")) {
      s.setFetchSize(10_000);
      s.setLong(1, lastSeq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          byte[] claimed = rs.getBytes(3);
          if (claimed != null && claimed.length > 0) {
            int n =
                holders.add(
                    rs.getString(2),
                    DedupBatch.Held.micros(rs.getObject(4, OffsetDateTime.class).toInstant()));
            for (long key : DedupBatch.toLongs(claimed)) {
              table.put(key, n);
            }
          }
          lastSeq = seq;
          rows++;
        }
      }
    }
    return rows;
  }

  /** A batch's own claims, committed with sequence numbers {@code first}, {@code first + 1}, … */
  record Committed(String entryKey, long[] keys) {}

  /**
   * Applies a batch's own claims after its commit, if nothing else committed in between (else the
   * next {@link #catchUp} reads them in order with the rest).
   */
  synchronized void applyOwn(long first, Instant at, List<Committed> claims) {
    if (table == null || first != lastSeq + 1) {
      return;
    }
    for (Committed c : claims) {
      int n = holders.add(c.entryKey(), DedupBatch.Held.micros(at));
      for (long key : c.keys()) {
        table.put(key, n);
      }
    }
    lastSeq = first + claims.size() - 1;
  }

  /** Forgets the claims made before {@code cutoff} (the window's end); returns how many went. */
  public synchronized int evictBefore(Instant cutoff) {
    if (table == null) {
      return 0;
    }
    long cutoffMicros = DedupBatch.Held.micros(cutoff);
    int removed = table.removeIf(n -> holders.micros(n) < cutoffMicros);
    // holders whose keys were all taken over go too
    holders.removeBefore(cutoffMicros);
    return removed;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

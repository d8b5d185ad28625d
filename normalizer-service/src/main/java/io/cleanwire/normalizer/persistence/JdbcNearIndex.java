package io.cleanwire.normalizer.persistence;

import io.cleanwire.normalizer.dedup.NearIndex;
import io.cleanwire.normalizer.dedup.NearSignature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The near-duplicate index on H2 or PostgreSQL through plain JDBC, one entry per transaction. The
 * service matches through {@link DedupBatch} (a whole Kafka poll per transaction) and uses this
 * class for the purge of expired state; the per-entry path stays for tools that match one entry at
 * a time (the per-entry JMH benchmark).
 *
 * <p>Insert-or-read: an insert that loses the primary-key race (SQLState 23505 on both databases)
 * fails alone, outside any transaction, and the winner is read back.
 */
public class JdbcNearIndex implements NearIndex {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcNearIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores the signature and claims the bands in ONE transaction — one commit (one WAL flush) per
   * entry instead of seventeen, and the signature becomes visible exactly when the claims do. A
   * lost race (another replica inserted a band between our read and our insert) rolls the whole
   * transaction back and starts over from the read, which then sees the winner.
   */
  @Override
  public String[] saveAndClaim(
      String entryKey, NearSignature signature, Instant now, Instant expiredBefore) {
    return inTransaction(
        entryKey, c -> saveAndClaim(c, entryKey, signature, signature.bands(), now, expiredBefore));
  }

  @Override
  public String[] claim(String entryKey, long[] keys, Instant now, Instant expiredBefore) {
    return inTransaction(entryKey, c -> claim(c, entryKey, keys, now, expiredBefore));
  }

  private interface Claims {
    String[] run(Connection c) throws SQLException;
  }

  private String[] inTransaction(String entryKey, Claims claims) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          String[] holders = claims.run(c);
          c.commit();
          return holders;
        } catch (SQLException e) {
          c.rollback();
          if (!isUniqueViolation(e) || attempt >= 5) {
            throw e;
          }
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw failure("claim bands entryKey=" + entryKey, e);
      }
    }
  }

  private static String[] saveAndClaim(
      Connection c,
      String entryKey,
      NearSignature signature,
      long[] bands,
      Instant now,
      Instant expiredBefore)
      throws SQLException {
    boolean stored;
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM near_signature WHERE entry_key = ?")) {
      select.setString(1, entryKey);
      try (ResultSet rs = select.executeQuery()) {
        stored = rs.next();
      }
    }
    if (!stored) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO near_signature (entry_key, shingles, bands, media_key, series_title,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, entryKey);
        insert.setBytes(2, DedupBatch.ints(signature.shingles()));
        insert.setBytes(3, DedupBatch.longs(bands));
        insert.setString(4, signature.mediaKey());
        insert.setString(5, signature.seriesTitle());
        insert.setObject(6, time(now));
        insert.executeUpdate();
      }
    }
    return claim(c, entryKey, bands, now, expiredBefore);
  }

  private static String[] claim(
      Connection c, String entryKey, long[] bands, Instant now, Instant expiredBefore)
      throws SQLException {
    java.util.Map<Long, String> held = new java.util.HashMap<>();
    java.util.Set<Long> expired = new java.util.HashSet<>();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < bands.length; i++) {
      in.append(i == 0 ? "?" : ",?");
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT band_key, entry_key, claimed_at FROM near_band WHERE band_key IN ("
                + in
                + ")")) {
      for (int i = 0; i < bands.length; i++) {
        select.setLong(i + 1, bands[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long band = rs.getLong(1);
          String holder = rs.getString(2);
          Instant at = rs.getObject(3, OffsetDateTime.class).toInstant();
          if (at.isBefore(expiredBefore) && !holder.equals(entryKey)) {
            expired.add(band);
          } else {
            held.put(band, holder);
          }
        }
      }
    }
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO near_band (band_key, entry_key, claimed_at) VALUES (?, ?, ?)");
        PreparedStatement takeOver =
            c.prepareStatement(
                "UPDATE near_band SET entry_key = ?, claimed_at = ?"
                    + " WHERE band_key = ? AND claimed_at < ?")) {
      boolean inserts = false;
      for (long band : bands) {
        if (held.containsKey(band)) {
          continue;
        }
        if (expired.contains(band)) {
          takeOver.setString(1, entryKey);
          takeOver.setObject(2, time(now));
          takeOver.setLong(3, band);
          takeOver.setObject(4, time(expiredBefore));
          if (takeOver.executeUpdate() != 1) {
            // taken over by another replica since our read: start over
            throw new SQLException("band taken over concurrently", UNIQUE_VIOLATION);
          }
        } else if (!held.containsKey(band)) {
          insert.setLong(1, band);
          insert.setString(2, entryKey);
          insert.setObject(3, time(now));
          insert.addBatch();
          inserts = true;
        }
        held.put(band, entryKey);
      }
      if (inserts) {
        insert.executeBatch();
      }
    }
    String[] holders = new String[bands.length];
    for (int i = 0; i < bands.length; i++) {
      holders[i] = held.get(bands[i]);
    }
    return holders;
  }

  private static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
        return true;
      }
      if (x.getCause() instanceof SQLException cause
          && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<String> findBandHolder(long band, Instant notBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT entry_key FROM near_band WHERE band_key = ? AND claimed_at >= ?")) {
      select.setLong(1, band);
      select.setObject(2, time(notBefore));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("find band holder", e);
    }
  }

  @Override
  public Optional<NearSignature> findSignature(String entryKey, Instant notBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT shingles, bands, media_key, series_title FROM near_signature"
                    + " WHERE entry_key = ? AND created_at >= ?")) {
      select.setString(1, entryKey);
      select.setObject(2, time(notBefore));
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new NearSignature(
                DedupBatch.toInts(rs.getBytes(1)),
                DedupBatch.toLongs(rs.getBytes(2)),
                rs.getString(3),
                rs.getString(4)));
      }
    } catch (SQLException e) {
      throw failure("find signature entryKey=" + entryKey, e);
    }
  }

  @Override
  public int purge(Instant before) {
    int deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      for (String sql :
          new String[] {
            "DELETE FROM near_band WHERE claimed_at < ?",
            "DELETE FROM near_signature WHERE created_at < ?",
            "DELETE FROM url_claim WHERE claimed_at < ?",
            "DELETE FROM content_claim WHERE claimed_at < ?"
          }) {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
          delete.setObject(1, time(before));
          deleted += delete.executeUpdate();
        }
      }
      return deleted;
    } catch (SQLException e) {
      throw failure("purge", e);
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "near index: " + what + " failed: " + e.getMessage() + " sqlState=" + e.getSQLState(), e);
  }
}

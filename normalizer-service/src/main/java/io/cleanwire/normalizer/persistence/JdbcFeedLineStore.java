package io.cleanwire.normalizer.persistence;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.normalizer.boilerplate.Boilerplate;
import io.cleanwire.normalizer.boilerplate.FeedLineStore;
import io.cleanwire.normalizer.config.NormalizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Learned per-feed boilerplate in the database (tables of {@code V2__feed_boilerplate.sql}), shared
 * by all replicas.
 *
 * <p>Plain JDBC with autocommit: counters are bumped with {@code UPDATE ... SET seen = seen + 1}
 * (atomic on both databases) and created with an insert that may lose a race to another replica, in
 * which case the update is retried. Counting is best effort: a database error is logged and the
 * entry is normalized without learned boilerplate rather than sent to the dead-letter topic.
 */
@ApplicationScoped
public class JdbcFeedLineStore implements FeedLineStore {

  private static final Logger LOG = Logger.getLogger(JdbcFeedLineStore.class);

  private final AgroalDataSource dataSource;
  private final NormalizerConfig.Boilerplate.Learn config;

  public JdbcFeedLineStore(AgroalDataSource dataSource, NormalizerConfig config) {
    this.dataSource = dataSource;
    this.config = config.boilerplate().learn();
  }

  @Override
  public Set<String> boilerplate(String feedUrl, Collection<String> lineHashes) {
    if (lineHashes.isEmpty()) {
      return Set.of();
    }
    String feed = Boilerplate.hash(feedUrl);
    try (Connection c = dataSource.getConnection()) {
      long entries = entries(c, feed);
      if (entries < config.minEntries()) {
        return Set.of();
      }
      long needed = Math.max(config.minEntries(), (long) Math.ceil(config.minShare() * entries));
      Set<String> found = new HashSet<>();
      List<String> hashes = new ArrayList<>(lineHashes);
      for (int from = 0; from < hashes.size(); from += 100) {
        List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 100));
        String sql =
            "SELECT line_hash FROM boilerplate_line WHERE feed_hash = ? AND seen >= ? AND line_hash IN ("
                + "?,".repeat(chunk.size() - 1)
                + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, feed);
          ps.setLong(2, needed);
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(3 + i, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
      }
      return found;
    } catch (SQLException e) {
      LOG.warnf("learned boilerplate unavailable feedUrl=%s reason=%s", feedUrl, e.getMessage());
      return Set.of();
    }
  }

  @Override
  public void observe(String feedUrl, String entryKey, Collection<String> lineHashes) {
    String feed = Boilerplate.hash(feedUrl);
    String key = entryKey == null ? "" : entryKey;
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = dataSource.getConnection()) {
      bumpFeed(c, feed);
      long lines = count(c, feed);
      for (String line : lineHashes) {
        if (update(c, feed, line, key, now) == 0 && lines < config.maxLinesPerFeed()) {
          if (insert(c, feed, line, key, now)) {
            lines++;
          } else {
            update(c, feed, line, key, now);
          }
        }
      }
    } catch (SQLException e) {
      LOG.warnf(
          "learned boilerplate not counted feedUrl=%s entryKey=%s reason=%s",
          feedUrl, entryKey, e.getMessage());
    }
  }

  private static long entries(Connection c, String feed) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT entries FROM boilerplate_feed WHERE feed_hash = ?")) {
      ps.setString(1, feed);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static long count(Connection c, String feed) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM boilerplate_line WHERE feed_hash = ?")) {
      ps.setString(1, feed);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bumpFeed(Connection c, String feed) throws SQLException {
    try (PreparedStatement up =
        c.prepareStatement(
            "UPDATE boilerplate_feed SET entries = entries + 1 WHERE feed_hash = ?")) {
      up.setString(1, feed);
      if (up.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement in =
        c.prepareStatement("INSERT INTO boilerplate_feed (feed_hash, entries) VALUES (?, 1)")) {
      in.setString(1, feed);
      in.executeUpdate();
    } catch (SQLException raced) {
      try (PreparedStatement up =
          c.prepareStatement(
              "UPDATE boilerplate_feed SET entries = entries + 1 WHERE feed_hash = ?")) {
        up.setString(1, feed);
        up.executeUpdate();
      }
    }
  }

  private static int update(Connection c, String feed, String line, String entry, Timestamp now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE boilerplate_line SET seen = CASE WHEN last_entry_key = ? THEN seen ELSE seen + 1"
                + " END, last_entry_key = ?, last_seen = ? WHERE feed_hash = ? AND line_hash = ?")) {
      ps.setString(1, entry);
      ps.setString(2, entry);
      ps.setTimestamp(3, now);
      ps.setString(4, feed);
      ps.setString(5, line);
      return ps.executeUpdate();
    }
  }

  private static boolean insert(Connection c, String feed, String line, String entry, Timestamp now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO boilerplate_line (feed_hash, line_hash, seen, last_entry_key, last_seen)"
                + " VALUES (?, ?, 1, ?, ?)")) {
      ps.setString(1, feed);
      ps.setString(2, line);
      ps.setString(3, entry);
      ps.setTimestamp(4, now);
      ps.executeUpdate();
      return true;
    } catch (SQLException raced) {
      return false;
    }
  }
}

package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The in-memory band index against a real (H2) database of its own. */
class BandMirrorTest {

  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

  private static void legacyBand(Connection c, long key, String entry, Instant at)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO near_band (band_key, entry_key, claimed_at) VALUES (?, ?, ?)")) {
      s.setLong(1, key);
      s.setString(2, entry);
      s.setObject(3, at.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  private static void claims(Connection c, long seq, String entry, Instant at, long... keys)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO near_signature (entry_key, shingles, bands, created_at, claimed, seq)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, entry);
      s.setBytes(2, new byte[0]);
      s.setBytes(3, DedupBatch.longs(keys));
      s.setObject(4, at.atOffset(ZoneOffset.UTC));
      s.setBytes(5, DedupBatch.longs(keys));
      s.setLong(6, seq);
      s.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE dedup_clock SET seq = " + seq + " WHERE id = 1");
    }
  }

  @Test
  void loadsTheBandTableThenTheClaimsInCommitOrderAndFollowsWhatOthersCommit() throws Exception {
    DataSource db = FreshDatabase.h2();
    BandMirror mirror = new BandMirror(100);
    try (Connection c = db.getConnection()) {
      // written by the database-backed index before an upgrade
      legacyBand(c, 11, "old-a", T0);
      legacyBand(c, 12, "old-a", T0);
      // then claims: b takes over key 12 after old-a expired, c claims 13
      claims(c, 1, "b", T0.plusSeconds(60), 12, 21);
      claims(c, 2, "c", T0.plusSeconds(120), 13);
      mirror.load(c);
      assertThat(mirror.size()).isEqualTo(4);
      assertThat(mirror.get(11)).isEqualTo(new DedupBatch.Held("old-a", T0));
      assertThat(mirror.get(12)).isEqualTo(new DedupBatch.Held("b", T0.plusSeconds(60)));
      assertThat(mirror.get(13).entryKey()).isEqualTo("c");
      assertThat(mirror.lastSeq()).isEqualTo(2);

      // another replica commits 3 and 4; this one reads them in order
      claims(c, 3, "d", T0.plusSeconds(180), 13, 31);
      claims(c, 4, "e", T0.plusSeconds(240), 31);
      assertThat(mirror.catchUp(c)).isEqualTo(2);
      assertThat(mirror.get(13).entryKey()).isEqualTo("d");
      assertThat(mirror.get(31).entryKey()).isEqualTo("e");
      assertThat(mirror.lastSeq()).isEqualTo(4);
    }
  }

  @Test
  void ownClaimsAreAppliedOnlyRightAfterWhatTheMirrorHas() throws Exception {
    DataSource db = FreshDatabase.h2();
    BandMirror mirror = new BandMirror(100);
    try (Connection c = db.getConnection()) {
      mirror.load(c);
      mirror.applyOwn(1, T0, List.of(new BandMirror.Committed("mine", new long[] {5, 6})));
      assertThat(mirror.get(5).entryKey()).isEqualTo("mine");
      assertThat(mirror.lastSeq()).isEqualTo(1);
      // 2 was committed elsewhere and not read yet: own claims from 3 wait for the catch-up
      mirror.applyOwn(3, T0, List.of(new BandMirror.Committed("later", new long[] {7})));
      assertThat(mirror.get(7)).isNull();
      assertThat(mirror.lastSeq()).isEqualTo(1);
    }
  }

  @Test
  void forgetsClaimsOlderThanTheWindow() throws Exception {
    DataSource db = FreshDatabase.h2();
    BandMirror mirror = new BandMirror(100);
    try (Connection c = db.getConnection()) {
      claims(c, 1, "old", T0, 1, 2, 3);
      claims(c, 2, "new", T0.plusSeconds(3600), 4);
      mirror.load(c);
    }
    assertThat(mirror.evictBefore(T0.plusSeconds(1))).isEqualTo(3);
    assertThat(mirror.size()).isEqualTo(1);
    assertThat(mirror.get(1)).isNull();
    assertThat(mirror.get(4).entryKey()).isEqualTo("new");
  }

  @Test
  void batchesWithTheMemoryIndexWriteNoBandRows() throws Exception {
    DataSource db = FreshDatabase.h2();
    SharedDedupIndexTest.seriesItemsStaySeparate(db, true, "nb-");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      var bands = s.executeQuery("SELECT COUNT(*) FROM near_band");
      bands.next();
      assertThat(bands.getLong(1)).isZero();
      var claimed = s.executeQuery("SELECT COUNT(*), MAX(seq) FROM near_signature WHERE seq > 0");
      claimed.next();
      long rows = claimed.getLong(1);
      assertThat(rows).isPositive().isEqualTo(claimed.getLong(2));
      // a replica started now reads the same holders back
      BandMirror fresh = new BandMirror(100);
      fresh.load(c);
      assertThat(fresh.lastSeq()).isEqualTo(rows);
      assertThat(fresh.size()).isPositive();
    }
  }
}

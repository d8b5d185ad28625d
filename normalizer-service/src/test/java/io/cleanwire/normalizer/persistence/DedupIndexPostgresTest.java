package io.cleanwire.normalizer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.Events;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.testsupport.PostgresAvailable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dedup index on real PostgreSQL: the migration, and races decided by the primary keys. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class DedupIndexPostgresTest {

  @Inject AgroalDataSource dataSource;
  @Inject JdbcFeedLineStore lines;

  @Test
  void learnedBoilerplateWorksOnPostgres() {
    String feed = "https://feed.example/pg-" + Events.unique();
    JdbcFeedLineStoreTest.observeEntries(lines, feed, 6);
    assertThat(lines.boilerplate(feed, List.of("common", "own-2"))).containsExactly("common");
  }

  @Test
  void migrationCreatedTheIndexTablesOnPostgres() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (ResultSet rs =
          c.getMetaData().getTables(null, "normalizer", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    assertThat(tables)
        .contains(
            "entry_decision",
            "url_claim",
            "content_claim",
            "boilerplate_feed",
            "boilerplate_line",
            "near_signature",
            "near_band");
  }

  @Test
  void threeReplicasMakeOneStoryPerGroupOnPostgres() throws Exception {
    SharedDedupIndexTest.threeReplicasMakeOneStoryPerGroup(
        dataSource, false, "pg3-" + Events.unique() + "-", 60);
  }

  @Test
  void threeReplicasWithInMemoryBandIndexesMakeOneStoryPerGroupOnPostgres() throws Exception {
    SharedDedupIndexTest.threeReplicasMakeOneStoryPerGroup(
        FreshDatabase.postgres(), true, "pgm3-", 120);
  }

  @Test
  void seriesItemsWithOneSummaryStaySeparateOnPostgres() {
    SharedDedupIndexTest.seriesItemsStaySeparate(
        dataSource, false, "pgseries-" + Events.unique() + "-");
    SharedDedupIndexTest.seriesItemsStaySeparate(
        FreshDatabase.postgres(), true, "pgseries-" + Events.unique() + "-");
  }

  @Test
  void threeReplicasMeetPastFollowUpsThatHoldTheOpeningBandsOnPostgres() throws Exception {
    SharedDedupIndexTest.threeReplicasMeetPastFollowUps(dataSource, false);
    SharedDedupIndexTest.threeReplicasMeetPastFollowUps(FreshDatabase.postgres(), true);
  }

  /** On PostgreSQL a batch writes its rows as arrays: what array syntax means must survive. */
  @Test
  void urlsWithArraySyntaxAndMissingValuesAreStoredAsGiven() throws Exception {
    JdbcStoryDecider decider = new JdbcStoryDecider(dataSource, 10, null);
    String u = Events.unique();
    String url = "https://news.example/a,b/{c}/\\d\"e\"/NULL/" + u;
    String fingerprint = "fp-" + u;
    StoryMatcher.Candidate first = new StoryMatcher.Candidate("arr-a-" + u, url, fingerprint, 100);
    StoryMatcher.Candidate noUrl = new StoryMatcher.Candidate("arr-b-" + u, null, fingerprint, 100);

    List<StoryDecision> batch = decider.decideAll(List.of(first, noUrl));
    StoryDecision later =
        decider
            .decideAll(List.of(new StoryMatcher.Candidate("arr-c-" + u, url, "other-" + u, 100)))
            .get(0);

    assertThat(batch.get(0).startsStory()).isTrue();
    assertThat(batch.get(1).storyId()).isEqualTo(first.entryKey());
    assertThat(batch.get(1).matchedBy()).isEqualTo(MatchedBy.CONTENT);
    assertThat(later.storyId()).isEqualTo(first.entryKey());
    assertThat(later.matchedBy()).isEqualTo(MatchedBy.URL);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT entry_key, canonical_url, similarity FROM entry_decision"
                    + " WHERE entry_key LIKE ? ORDER BY entry_key")) {
      s.setString(1, "arr-%-" + u);
      try (ResultSet rs = s.executeQuery()) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3));
        }
        assertThat(rows)
            .containsExactly(
                first.entryKey() + " " + url + " null",
                noUrl.entryKey() + " null 1.0",
                "arr-c-" + u + " " + url + " 1.0");
      }
    }
  }

  @RepeatedTest(3)
  void concurrentClaimsOfOneUrlMakeOneStoryOnPostgres() throws Exception {
    JdbcStoryDecider decider = new JdbcStoryDecider(dataSource, 200, null);
    String url = "https://news.example/pg-race-" + Events.unique();
    List<String> keys =
        IntStream.range(0, 6).mapToObj(i -> "pg-" + i + "-" + Events.unique()).toList();

    List<StoryDecision> decisions = ConcurrentClaims.race(decider, url, keys);

    JdbcStoryDeciderTest.assertOneStory(decisions, keys);
  }
}

package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  private static final String OPENING =
      "A magnitude 6.1 earthquake struck off the coast of Veloria early on Sunday, cracking"
          + " buildings in the port city of Santa Irene and cutting power to about 200,000 homes.";

  /** A later story that repeats the opening paragraph as background. */
  private static final String FOLLOW_UP =
      OPENING
          + " A strong aftershock on Tuesday afternoon damaged the city's main hospital, where"
          + " engineers found new cracks in a wing that had been cleared after the first quake."
          + " Patients were moved to a military field hospital set up in a football stadium, and"
          + " the health ministry said no one was hurt during the transfer.";

  private static final String FULL =
      OPENING
          + " The national seismic institute said the quake hit at 4:12 a.m. at a depth of 35"
          + " kilometres, roughly 60 kilometres west of the city. Two people were killed when a"
          + " wall collapsed in an old market district, and at least 45 were treated in hospitals"
          + " for cuts and broken bones, the civil protection agency said. Authorities briefly"
          + " issued a tsunami warning for the coast but lifted it after an hour when tide gauges"
          + " showed only small changes in sea level.";

  /** The feed's truncated summary of the full text. */
  private static final String SUMMARY =
      OPENING
          + " The national seismic institute said the quake hit at 4:12 a.m. at a depth of 35"
          + " kilometres… Continue reading";

  @Test
  void aFollowUpHoldingTheOpeningsBandsDoesNotHideAStoryFromItsTruncatedSummary() {
    NearDuplicates near =
        new NearDuplicates(new InMemoryNearIndex(), NearDuplicates.Settings.defaults(), CLOCK);
    NearSignature followUp = near.sign(FOLLOW_UP, List.of());
    NearSignature full = near.sign(FULL, List.of());
    NearSignature summary = near.sign(SUMMARY, List.of());
    assertThat(near.sameStory(followUp, full)).isFalse();
    assertThat(near.sameStory(followUp, summary)).isFalse();
    assertThat(near.sameStory(full, summary)).isTrue();

    assertThat(near.claimAndMatch("follow-up", followUp)).isEmpty();
    assertThat(near.claimAndMatch("full", full)).isEmpty();
    assertThat(near.lookup("summary", summary))
        .map(NearDuplicates.Match::entryKey)
        .hasValue("full");
    Optional<NearDuplicates.Match> match = near.claimAndMatch("summary", summary);
    assertThat(match).map(NearDuplicates.Match::entryKey).hasValue("full");
  }

  @Test
  void whicheverArrivesFirstTheSummaryAndTheFullTextMeetPastTheFollowUp() {
    NearDuplicates near =
        new NearDuplicates(new InMemoryNearIndex(), NearDuplicates.Settings.defaults(), CLOCK);
    near.claimAndMatch("follow-up", near.sign(FOLLOW_UP, List.of()));
    assertThat(near.claimAndMatch("summary", near.sign(SUMMARY, List.of()))).isEmpty();
    assertThat(near.claimAndMatch("full", near.sign(FULL, List.of())))
        .map(NearDuplicates.Match::entryKey)
        .hasValue("summary");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "… Read more",
        "… Continue reading",
        "… Lire la suite",
        "... Weiterlesen »",
        " […]"
      })
  void aTruncatedSummaryIsWhollyContainedInItsFullTextWhicheverReadMoreLinkEndsIt(String link) {
    NearDuplicates near =
        new NearDuplicates(new InMemoryNearIndex(), NearDuplicates.Settings.defaults(), CLOCK);
    String cut = FULL.substring(0, FULL.indexOf(" at a depth"));
    NearSignature summary = near.sign(cut + link, List.of());
    assertThat(near.verify(summary, near.sign(FULL, List.of()))).isEqualTo(1.0);
    assertThat(summary).isEqualTo(near.sign(cut, List.of()));
  }

  @Test
  void wordsAfterAnEllipsisThatAreMoreThanALinkStayInTheSignature() {
    String text =
        "The minister paused… then said the budget would be cut by ten percent next year.";
    assertThat(NearDuplicates.withoutReadMoreTail(text)).isEqualTo(text);
    assertThat(NearDuplicates.withoutReadMoreTail("No ellipsis here. Read more")).endsWith("more");
  }

  /**
   * Until 2026-12-06 an entry's body bands were eight bands of four rows (16 keys in all). Stories
   * indexed before an upgrade keep those keys for the rest of the window; a later copy must still
   * find them, through the lead bands, which did not change.
   */
  @Test
  void aStoryIndexedUnderTheEarlierSixteenBandLayoutIsStillFoundAfterTheUpgrade() {
    NearDuplicates near =
        new NearDuplicates(new InMemoryNearIndex(), NearDuplicates.Settings.defaults(), CLOCK);
    NearSignature current = near.sign(FULL, List.of());
    int[] ordered = new Shingler(1000).orderedShingles(FULL);
    long[] oldBody =
        new MinHashLsh(8, 4, 2)
            .bandKeys(java.util.Arrays.copyOf(ordered, Math.min(80, ordered.length)));
    long[] oldBands = java.util.Arrays.copyOf(current.bands(), 16);
    System.arraycopy(oldBody, 0, oldBands, 8, 8);
    near.claimAndMatch("before-upgrade", new NearSignature(current.shingles(), oldBands, null));

    NearSignature copy = near.sign(FULL + " Read more on the site.", List.of());
    assertThat(copy.bands()).hasSize(14).doesNotContain(oldBody);
    assertThat(near.claimAndMatch("after-upgrade", copy))
        .map(NearDuplicates.Match::entryKey)
        .hasValue("before-upgrade");
  }

  @Test
  void slotKeysAreDistinctFromTheBandAndFromEachOther() {
    long band = 0x1234_5678_9abc_def0L;
    assertThat(NearDuplicates.slotKey(band, 0)).isEqualTo(band);
    assertThat(
            List.of(
                NearDuplicates.slotKey(band, 0),
                NearDuplicates.slotKey(band, 1),
                NearDuplicates.slotKey(band, 2),
                NearDuplicates.slotKey(band, 3)))
        .doesNotHaveDuplicates();
  }
}

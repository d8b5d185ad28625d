package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesTitleTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Election live: polls close in Ohio | election live | polls close in ohio",
        "LIVE:  Polls   close | live | polls close",
        "Direct : la grève continue | direct | la grève continue",
        "速報：東京で地震 | 速報 | 東京で地震",
        "Ukraine war live: Russia strikes Odesa | ukraine war live | russia strikes odesa"
      })
  void aLabelBeforeAColonMakesASeriesHeadline(String title, String label, String rest) {
    assertThat(SeriesTitle.of(title)).isEqualTo(label + "\n" + rest);
  }

  @org.junit.jupiter.api.Test
  void aLongHeadlineIsCutToTheColumnWithoutSplittingACharacter() {
    String title = "Live: " + "a".repeat(194) + "\uD83D\uDE00 and more";
    String key = SeriesTitle.of(title);
    assertThat(key).hasSize(199).startsWith("live\na").doesNotContain("\uD83D");
    assertThat(SeriesTitle.of("Live: " + "b".repeat(300))).hasSize(SeriesTitle.MAX_CHARS);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest",
        "Trains resume at 10:30 after the strike",
        "Rail strike halts trains across the country — wire",
        "Markets wrap | Oil falls",
        "The council of the city of Harborview and its mayor: budget passes",
        "Live:",
        ": nothing before the colon"
      })
  void otherHeadlinesHaveNoSeriesKey(String title) {
    assertThat(SeriesTitle.of(title)).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Live: turnout hits a record | Live: polls close in Ohio | true",
        "Photos: Monday at the harbour | Photos: the ferry stays in port | true",
        "Direct : échec de la négociation | Direct : séquence de la journée | true",
        "Live: polls close in Ohio | Live: polls close in Ohio (updated) | false",
        "Live: polls close in Ohio | Live: polls closed in Ohio, counting begins | false",
        "Live: polls close in Ohio | Analysis: turnout hits a record | false",
        "速報：東京で地震 | 速報：大阪で大雨 | true",
        "速報：東京で地震 | 速報：東京で地震、津波なし | false"
      })
  void twoItemsOfASeriesShareTheLabelAndLittleElse(String a, String b, boolean different) {
    assertThat(SeriesTitle.differentItems(SeriesTitle.of(a), SeriesTitle.of(b)))
        .isEqualTo(different);
    assertThat(SeriesTitle.differentItems(SeriesTitle.of(b), SeriesTitle.of(a)))
        .isEqualTo(different);
  }
}

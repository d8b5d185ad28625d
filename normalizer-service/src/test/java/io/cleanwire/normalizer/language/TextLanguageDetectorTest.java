package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextLanguageDetectorTest {

  private static final TextLanguageDetector DETECTOR =
      new TextLanguageDetector(
          TextLanguageDetector.Settings.defaults(), new FeedLanguageMix(100, 20));

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // scripts that name their language are decided without a model
        "대통령, 오늘 새 경제 정책 발표 | ko",
        "政府は新しい経済対策を発表した | ja",
        "国务院发布新的经济刺激计划 | zh",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα | el",
        "הממשלה הודיעה על צעדים חדשים | he",
        "รัฐบาลประกาศมาตรการใหม่ | th",
        // Ukrainian with «щ» is not Kazakh (Lingua 1.2.2's trap)
        "Що відбувається з цінами на житло | uk",
        "Правительство объявило о новых мерах поддержки | ru",
        // product names in Latin letters do not outvote the sentence's own script
        "Apple представила новый iPhone 16 Pro Max | ru",
        "Die Bundesregierung hat am Mittwoch neue Hilfen beschlossen | de",
        "Le gouvernement annonce de nouvelles mesures pour les retraites | fr",
      })
  void detectsTheLanguageOfTheTextWithoutAnyHint(String text, String language) {
    assertThat(DETECTOR.detect(text, LanguageHints.NONE).language()).isEqualTo(language);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"''", "2024-11-28 14:05", "+++ 42 +++", "Angela Merkel", "Reuters"})
  void answersUndWhenTheTextCannotTell(String text) {
    LanguageGuess guess = DETECTOR.detect(text, LanguageHints.declared("de"));
    assertThat(guess.language()).isEqualTo("und");
    assertThat(guess.confidence()).isZero();
  }

  @ParameterizedTest(name = "{0} declared {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a wrong declaration does not override clear text (the aggregator's Russian entries)
        "Путин провёл переговоры с премьер-министром Индии | en | ru",
        "Scholz trifft Macron in Paris zu Gesprächen über die Ukraine | en | de",
        // an ambiguous word pair follows the declaration
        "Nova lei | pt | pt",
      })
  void treatsTheDeclarationAsASoftPrior(String text, String declared, String language) {
    assertThat(DETECTOR.detect(text, LanguageHints.declared(declared)).language())
        .isEqualTo(language);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Die Bundesregierung hat am Mittwoch neue Hilfen beschlossen"})
  void listsTheTopCandidatesBestFirst(String text) {
    LanguageGuess guess = DETECTOR.detect(text, LanguageHints.NONE);
    assertThat(guess.candidates()).hasSizeGreaterThan(1);
    assertThat(guess.candidates().get(0).language()).isEqualTo("de");
    assertThat(guess.candidates().get(0).confidence())
        .isGreaterThanOrEqualTo(guess.candidates().get(1).confidence());
  }
}

package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclaredLanguageDetectorTest {

  private final LanguageDetector detector = new DeclaredLanguageDetector();

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "en-US, en, 0.5",
        "en-us, en, 0.5",
        "ru, ru, 0.5",
        "RU, ru, 0.5",
        "de_DE, de, 0.5",
        "zh-Hant-TW, zh, 0.5",
        "eng, en, 0.5",
        "iw, he, 0.5",
        "he, he, 0.5",
        "english, und, 0.0",
        "xx, und, 0.0",
        "'', und, 0.0",
        "NULL, und, 0.0",
        "12, und, 0.0",
      })
  void trustsOnlyAValidDeclaration(String declared, String language, double confidence) {
    LanguageGuess guess = detector.detect("Марк Шагал. «Русская свадьба».", declared);
    assertThat(guess.language()).isEqualTo(language);
    assertThat(guess.confidence()).isEqualTo(confidence);
    assertThat(guess.candidates()).hasSize("und".equals(language) ? 0 : 1);
  }
}

package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packed model built from Lingua's statistics, scored directly (no priors, no script rules).
 */
class NgramModelTest {

  private static final List<Language> LANGUAGES =
      List.of(
          Language.ENGLISH,
          Language.GERMAN,
          Language.FRENCH,
          Language.SPANISH,
          Language.PORTUGUESE,
          Language.POLISH,
          Language.RUSSIAN,
          Language.UKRAINIAN,
          Language.BULGARIAN,
          Language.ARABIC,
          Language.PERSIAN,
          Language.HINDI,
          Language.MARATHI);

  static NgramModel trigrams;
  static NgramModel fivegrams;

  @BeforeAll
  static void load() {
    trigrams = NgramModel.load(LANGUAGES, 3);
    fivegrams = trigrams.withOrders(LANGUAGES, 4, 5, 2);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The government announced new measures to support small farmers | ENGLISH",
        "Die Regierung kündigte neue Maßnahmen zur Unterstützung kleiner Bauern an | GERMAN",
        "Le gouvernement a annoncé de nouvelles mesures pour soutenir les petits agriculteurs"
            + " | FRENCH",
        "El gobierno anunció nuevas medidas para apoyar a los pequeños agricultores | SPANISH",
        "O governo anunciou novas medidas para apoiar os pequenos agricultores | PORTUGUESE",
        "Rząd ogłosił nowe środki wsparcia dla małych rolników | POLISH",
        "Правительство объявило о новых мерах поддержки мелких фермеров | RUSSIAN",
        "Уряд оголосив нові заходи підтримки дрібних фермерів | UKRAINIAN",
        "Правителството обяви нови мерки в подкрепа на дребните фермери | BULGARIAN",
        "أعلنت الحكومة عن إجراءات جديدة لدعم صغار المزارعين | ARABIC",
        "دولت اقدامات جدیدی برای حمایت از کشاورزان کوچک اعلام کرد | PERSIAN",
        "सरकार ने छोटे किसानों की मदद के लिए नए उपायों की घोषणा की | HINDI",
        "सरकारने लहान शेतकऱ्यांना मदत करण्यासाठी नवीन उपाय जाहीर केले | MARATHI",
      })
  void ranksTheTextsOwnLanguageCheapestAtEveryOrder(String text, Language language) {
    assertThat(cheapest(trigrams, text, 3)).isEqualTo(language);
    assertThat(cheapest(fivegrams, text, 5)).isEqualTo(language);
  }

  @Test
  void scoresLettersOnlyAndCountsThem() {
    long[] costs = new long[Language.values().length];
    int letters = trigrams.score("2024: EU-Gipfel, 27 Staaten!", ordinals(), 3, costs);
    assertThat(letters).isEqualTo("EUGipfelStaaten".length());
    assertThat(trigrams.score("2024 — 42 % +++", ordinals(), 3, costs)).isZero();
  }

  @Test
  void aLetterALanguageNeverUsesCostsItDearly() {
    long[] costs = new long[Language.values().length];
    trigrams.score("ß", ordinals(), 3, costs);
    assertThat(costs[Language.ENGLISH.ordinal()] - costs[Language.GERMAN.ordinal()])
        .isGreaterThan(5L * NgramTable.COST_SCALE);
  }

  @Test
  void higherOrdersAreAddedWithoutReloadingTheLowerOnes() {
    assertThat(trigrams.order()).isEqualTo(3);
    assertThat(fivegrams.order()).isEqualTo(5);
    assertThat(fivegrams.table(3)).isSameAs(trigrams.table(3));
    assertThat(fivegrams.bytes(4, 5)).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ENGLISH | The government announced new measures on Tuesday to support small farmers hit by"
            + " the drought, including cheaper loans, a delay of tax payments and help with the cost"
            + " of water for the rest of the summer.",
        "PORTUGUESE | O governo anunciou na terça-feira novas medidas para apoiar os pequenos"
            + " agricultores afetados pela seca, incluindo empréstimos mais baratos e o adiamento"
            + " de impostos até ao fim do verão.",
        "UKRAINIAN | Уряд оголосив у вівторок нові заходи підтримки дрібних фермерів, які"
            + " постраждали від посухи: дешевші кредити, відстрочку податків і допомогу з оплатою"
            + " води до кінця літа.",
      })
  void pruningDropsOnlyLanguagesFarBehindAndKeepsTheCostsOfTheOthers(
      Language language, String text) {
    long[] full = new long[Language.values().length];
    long[] pruned = new long[Language.values().length];
    trigrams.score(text, ordinals(), 3, full, Long.MAX_VALUE);
    trigrams.score(text, ordinals(), 3, pruned);

    long best = LANGUAGES.stream().mapToLong(l -> full[l.ordinal()]).min().orElseThrow();
    assertThat(full[language.ordinal()]).isEqualTo(best);
    int dropped = 0;
    for (Language l : LANGUAGES) {
      if (pruned[l.ordinal()] == NgramModel.PRUNED) {
        dropped++;
        assertThat(full[l.ordinal()] - best).as(l.name()).isGreaterThan(NgramModel.PRUNE_GAP);
      } else {
        assertThat(pruned[l.ordinal()]).as(l.name()).isEqualTo(full[l.ordinal()]);
      }
    }
    // most of the candidates are other scripts' or unrelated languages: they go early
    assertThat(dropped).isGreaterThan(LANGUAGES.size() / 2);
  }

  private static Language cheapest(NgramModel model, String text, int order) {
    long[] costs = new long[Language.values().length];
    model.score(text, ordinals(), order, costs);
    Language best = null;
    for (Language l : LANGUAGES) {
      if (best == null || costs[l.ordinal()] < costs[best.ordinal()]) {
        best = l;
      }
    }
    return best;
  }

  private static int[] ordinals() {
    return LANGUAGES.stream().mapToInt(Language::ordinal).toArray();
  }
}

package io.cleanwire.normalizer.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextLanguageDetectorTest {

  @Test
  void blanksLatinWordsExactlyAsTheRegularExpressionDid() {
    String[] pieces = {
      "a",
      "Z",
      "é",
      "ß",
      "ǅ",
      "ﬀ",
      "Ｋ",
      "0",
      "9",
      "٣",
      "١",
      "Ж",
      "ї",
      "ع",
      "क",
      " ",
      "-",
      "’",
      "\u0301",
      "\uD835\uDC00",
      "\uD83D\uDE00",
      "\u00AA",
      "ª",
      "ⅷ"
    };
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int len = random.nextInt(10); len > 0; len--) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = s.toString();
      assertThat(TextLanguageDetector.blankLatinWords(text))
          .as(text)
          .isEqualTo(text.replaceAll("[\\p{IsLatin}\\d]+", " "));
    }
  }

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

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // one sentence per script the n-gram model decides, and neighbours within each
        "Rząd ogłosił nowy program wsparcia dla małych rolników | pl",
        "Hükümet küçük çiftçilere yardım için yeni bir program açıkladı | tr",
        "Chính phủ công bố chương trình mới hỗ trợ nông dân nhỏ | vi",
        "Hallitus julkisti uuden ohjelman pienviljelijöiden tukemiseksi | fi",
        "Valitsus teatas uuest programmist väiketalunike toetamiseks | et",
        "Правителството обяви нова програма за подкрепа на малките земеделци | bg",
        "Влада је објавила нови програм подршке малим пољопривредницима | sr",
        "Үкімет шағын фермерлерге көмектесу үшін жаңа бағдарлама жариялады | kk",
        "Засгийн газар жижиг тариаланчдад туслах шинэ хөтөлбөр зарлалаа | mn",
        "أعلنت الحكومة عن برنامج جديد لدعم صغار المزارعين | ar",
        "دولت برنامه جدیدی برای حمایت از کشاورزان کوچک اعلام کرد | fa",
        "حکومت نے چھوٹے کسانوں کی مدد کے لیے نئے پروگرام کا اعلان کیا | ur",
        "सरकार ने छोटे किसानों की मदद के लिए नई योजना की घोषणा की | hi",
        "सरकारने लहान शेतकऱ्यांना मदत करण्यासाठी नवीन योजना जाहीर केली | mr",
        // languages outside the accurate set keep a clear trigram lead on short text
        "Mae'r llywodraeth wedi cyhoeddi cynllun newydd i helpu ffermwyr bach | cy",
        "La Esperanto estas internacia lingvo kreita por faciligi la komunikadon inter homoj | eo",
        "Serikali imetangaza mpango mpya wa kusaidia wakulima wadogo nchini | sw",
        "Ìjọba ti kede eto tuntun lati ran awọn agbe kekere lọwọ | yo",
      })
  void detectsSentencesOfTheModelledScripts(String text, String language) {
    assertThat(DETECTOR.detect(text, LanguageHints.NONE).language()).isEqualTo(language);
  }

  @ParameterizedTest(name = "{0} in a feed of {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ny lov om skatt | nb",
        "Ny lov om skatt | da",
        "Ny lov om skatt | sv",
        "Nye regler for skatt | nb",
      })
  void theFeedsRecentLanguagesTipAnAmbiguousTitle(String text, String feedLanguage) {
    FeedLanguageMix mix = new FeedLanguageMix(10, 20);
    for (int i = 0; i < 20; i++) {
      mix.record("feed", feedLanguage);
    }
    TextLanguageDetector detector =
        new TextLanguageDetector(TextLanguageDetector.Settings.defaults(), mix);
    assertThat(detector.detect(text, new LanguageHints(null, null, "feed")).language())
        .isEqualTo(feedLanguage);
  }

  @Test
  void withoutAnyAccurateLanguageTheTrigramPassStillAnswers() {
    TextLanguageDetector.Settings d = TextLanguageDetector.Settings.defaults();
    TextLanguageDetector trigramsOnly =
        new TextLanguageDetector(
            new TextLanguageDetector.Settings(
                d.sampleChars(),
                d.accurateBelowLetters(),
                Set.of(),
                d.declaredWeight(),
                d.mixWeight()),
            new FeedLanguageMix(10, 20));
    assertThat(
            trigramsOnly
                .detect(
                    "Die Bundesregierung hat am Mittwoch neue Hilfen beschlossen",
                    LanguageHints.NONE)
                .language())
        .isEqualTo("de");
    assertThat(trigramsOnly.detect("Angela Merkel", LanguageHints.NONE).language())
        .isEqualTo("und");
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
        "Nye regler for skatt | nb | nb",
        "Nye regler for skatt | sv | sv",
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

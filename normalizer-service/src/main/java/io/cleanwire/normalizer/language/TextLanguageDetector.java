package io.cleanwire.normalizer.language;

import com.github.pemistahl.lingua.api.Language;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detects an entry's language from its text: Unicode script first (Hangul, Kana, Greek, Thai… are
 * decided without a model), then a character trigram model over the languages of that script
 * ({@link NgramModel}, built from the statistics in Lingua's jar), then — only for short or
 * ambiguous text — the same model with contexts of up to four letters (its 4- and 5-gram tables)
 * over the few best candidates. The feed's declaration, the item's {@code xml:lang} and the feed's
 * observed language mix multiply the model's probabilities (soft priors: a wrong declaration costs
 * little, a right one settles word pairs).
 *
 * <p>Only a bounded sample of the text is read. The models are packed primitive tables shared by
 * every instance: orders 1–3 of every language of a modelled script (~10 MB), orders 4–5 of the
 * accurate languages only (~95 MB for the default 46).
 */
public final class TextLanguageDetector implements LanguageDetector {

  /**
   * Tuning.
   *
   * @param sampleChars characters of text read at most
   * @param accurateBelowLetters texts with fewer letters get the high-accuracy second pass
   * @param accurateLanguages ISO 639-1 codes allowed in the high-accuracy pass (their 4- and 5-gram
   *     tables are what costs heap); others are decided by the trigram model only
   * @param declaredWeight prior multiplier of the declared / xml:lang language is {@code 1 +
   *     weight}
   * @param mixWeight prior multiplier of a language is {@code 1 + mixWeight × its share} of the
   *     feed's recent entries
   */
  public record Settings(
      int sampleChars,
      int accurateBelowLetters,
      Set<String> accurateLanguages,
      double declaredWeight,
      double mixWeight) {

    /** The defaults of the normalizer (see NormalizerConfig). */
    public static Settings defaults() {
      return new Settings(
          240,
          120,
          Set.of(
              "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sk", "sv", "da",
              "nb", "nn", "fi", "hu", "tr", "ro", "ca", "hr", "bs", "sl", "id", "ms", "vi", "bg",
              "mk", "be", "sr", "kk", "et", "lv", "lt", "sq", "eu", "ga", "af", "az", "is", "ur",
              "fa", "ar", "hi", "mr"),
          1.5,
          1.0);
    }
  }

  /** Scripts that name one language (among Lingua's) without a model. */
  private static final Map<UnicodeScript, String> SINGLE_LANGUAGE_SCRIPTS =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(UnicodeScript.HANGUL, "ko"),
              Map.entry(UnicodeScript.HIRAGANA, "ja"),
              Map.entry(UnicodeScript.KATAKANA, "ja"),
              Map.entry(UnicodeScript.GREEK, "el"),
              Map.entry(UnicodeScript.HEBREW, "he"),
              Map.entry(UnicodeScript.THAI, "th"),
              Map.entry(UnicodeScript.ARMENIAN, "hy"),
              Map.entry(UnicodeScript.GEORGIAN, "ka"),
              Map.entry(UnicodeScript.BENGALI, "bn"),
              Map.entry(UnicodeScript.GUJARATI, "gu"),
              Map.entry(UnicodeScript.GURMUKHI, "pa"),
              Map.entry(UnicodeScript.TAMIL, "ta"),
              Map.entry(UnicodeScript.TELUGU, "te")));

  private static final Map<UnicodeScript, List<Language>> MODEL_SCRIPTS =
      new EnumMap<>(
          Map.of(
              UnicodeScript.LATIN, Language.allWithLatinScript(),
              UnicodeScript.CYRILLIC, Language.allWithCyrillicScript(),
              UnicodeScript.ARABIC, Language.allWithArabicScript(),
              UnicodeScript.DEVANAGARI, Language.allWithDevanagariScript()));

  private static final Map<String, Language> BY_CODE = new HashMap<>();

  private static final Language[] LANGUAGES = Language.values();

  static {
    for (Language l : Language.values()) {
      if (l != Language.UNKNOWN) {
        BY_CODE.put(l.getIsoCode639_1().toString(), l);
      }
    }
  }

  /** Every language of a script that needs a model, in a fixed order. */
  private static final List<Language> MODELLED;

  static {
    EnumSet<Language> all = EnumSet.noneOf(Language.class);
    MODEL_SCRIPTS.values().forEach(all::addAll);
    MODELLED = List.copyOf(all);
  }

  /** Letters of context of the fast pass (trigrams) and of the accurate pass (5-grams). */
  private static final int FAST_ORDER = 3;

  private static final int ACCURATE_ORDER = 5;

  /**
   * Divides the model's log-likelihood differences before they become probabilities: a character
   * model counts overlapping evidence, so its raw odds are far too sure of themselves, and the soft
   * priors could never tip a close call.
   */
  private static final double TEMPERATURE = 6.0;

  /** A long text whose best language has less than this probability gets the accurate pass. */
  private static final double CLEAR = 0.9;

  /**
   * 4- and 5-grams seen once in a language's training text are left out of the accurate tables:
   * half the heap, and no loss (they are as often noise as evidence).
   */
  private static final int ACCURATE_MIN_COUNT = 2;

  private final Settings settings;
  private final FeedLanguageMix mix;
  private final EnumSet<Language> accurateAllowed = EnumSet.noneOf(Language.class);
  private volatile NgramModel fast;
  private volatile NgramModel accurate;

  /*
   * The tables are shared by every detector of the JVM, as Lingua shares its models: orders 1–3
   * are the same for all, orders 4–5 are built once per accurate-language set (one in a replica).
   */
  private static final Object LOADING = new Object();

  private static NgramModel sharedFast;

  private static final Map<Set<Language>, NgramModel> SHARED_ACCURATE = new HashMap<>();

  public TextLanguageDetector(Settings settings, FeedLanguageMix mix) {
    this.settings = settings;
    this.mix = mix;
    for (String code : settings.accurateLanguages()) {
      Language l = BY_CODE.get(code.strip().toLowerCase(Locale.ROOT));
      if (l != null && MODELLED.contains(l)) {
        accurateAllowed.add(l);
      }
    }
  }

  /**
   * Builds the n-gram tables (a few seconds): orders 1–3 of every modelled language and orders 4–5
   * of the accurate languages. Without it they are built on the first text that needs them.
   */
  public void warmUp() {
    accurateModel();
  }

  private NgramModel fastModel() {
    NgramModel m = fast;
    if (m == null) {
      synchronized (LOADING) {
        if (sharedFast == null) {
          sharedFast = NgramModel.load(MODELLED, FAST_ORDER);
        }
        m = sharedFast;
      }
      fast = m;
    }
    return m;
  }

  private NgramModel accurateModel() {
    NgramModel m = accurate;
    if (m == null) {
      NgramModel base = fastModel();
      synchronized (LOADING) {
        m =
            SHARED_ACCURATE.computeIfAbsent(
                accurateAllowed.clone(),
                set -> base.withOrders(set, FAST_ORDER + 1, ACCURATE_ORDER, ACCURATE_MIN_COUNT));
      }
      accurate = m;
    }
    return m;
  }

  @Override
  public LanguageGuess detect(String text, LanguageHints hints) {
    String declared = hints.declaredLanguage();
    boolean declarationValid =
        declared == null || declared.isBlank() || LanguageCodes.primary(declared).isPresent();
    String sample = sample(text == null ? "" : text);
    ScriptProfile profile = ScriptProfile.of(sample, sample.length());
    if (profile.letters() < 3 || looksLikeAName(sample)) {
      return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, List.of(), declarationValid);
    }
    int kana = profile.count(UnicodeScript.HIRAGANA) + profile.count(UnicodeScript.KATAKANA);
    int han = profile.count(UnicodeScript.HAN);
    int hangul = profile.count(UnicodeScript.HANGUL);
    // One CJK character carries about a word: weigh them so that Latin product names inside a
    // Japanese or Chinese sentence do not outvote it.
    if ((kana + han + hangul) * 3 >= profile.letters() - kana - han - hangul) {
      double share = Math.min(1.0, (kana + han + hangul) * 3.0 / profile.letters());
      if (hangul >= kana + han) {
        return single("ko", share, declarationValid);
      }
      return single(kana > 0 ? "ja" : "zh", share, declarationValid);
    }
    UnicodeScript script = profile.dominant();
    String single = SINGLE_LANGUAGE_SCRIPTS.get(script);
    if (single != null) {
      return single(single, profile.share(script), declarationValid);
    }
    List<Language> languages = MODEL_SCRIPTS.get(script);
    if (languages == null) {
      return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, List.of(), declarationValid);
    }
    if (script != UnicodeScript.LATIN) {
      // Latin brand names in a Cyrillic or Arabic sentence are no evidence for any of its languages
      sample = blankLatinWords(sample);
    }
    // only Cyrillic has languages told apart by their own letters
    EnumSet<Language> candidates =
        script == UnicodeScript.CYRILLIC
            ? narrow(EnumSet.copyOf(languages), sample)
            : EnumSet.copyOf(languages);
    if (candidates.size() == 1) {
      // the script's letters alone decided (Ukrainian «ї», Belarusian «ў»)
      return single(
          candidates.iterator().next().getIsoCode639_1().toString(),
          profile.share(script),
          declarationValid);
    }
    Map<Language, Double> priors = priors(hints);
    Map<Language, Double> posterior =
        posterior(fastModel(), sample, candidates, FAST_ORDER, priors);
    List<Map.Entry<Language, Double>> ranked = ranked(posterior);
    if (ranked.isEmpty()) {
      return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, List.of(), declarationValid);
    }
    boolean shortText = profile.letters() < settings.accurateBelowLetters();
    // The accurate pass re-ranks the best candidates it has tables for. A language outside that
    // set (rare in news: Welsh, Esperanto, Tagalog…) keeps a clear lead on trigrams; one that only
    // led a close call yields to the accurate languages.
    Map.Entry<Language, Double> lead = ranked.get(0);
    boolean unclear = lead.getValue() < CLEAR;
    if ((unclear || (shortText && accurateAllowed.contains(lead.getKey()))) && ranked.size() > 1) {
      EnumSet<Language> best = EnumSet.noneOf(Language.class);
      for (int i = 0; i < Math.min(4, ranked.size()); i++) {
        best.add(ranked.get(i).getKey());
      }
      for (Map.Entry<Language, Double> prior : priors.entrySet()) {
        if (prior.getValue() > 1.0 && candidates.contains(prior.getKey())) {
          best.add(prior.getKey());
        }
      }
      best.retainAll(accurateAllowed);
      if (best.size() > 1) {
        posterior = posterior(accurateModel(), sample, best, ACCURATE_ORDER, priors);
        ranked = ranked(posterior);
      }
    }
    Language top = ranked.get(0).getKey();
    double confidence = ranked.get(0).getValue();
    if (top == Language.UNKNOWN || confidence <= 0.0) {
      return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, List.of(), declarationValid);
    }
    String code = top.getIsoCode639_1().toString();
    if (confidence >= 0.6 && !shortText) {
      mix.record(hints.feedKey(), code);
    }
    List<LanguageGuess.Candidate> list = new ArrayList<>();
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      Map.Entry<Language, Double> e = ranked.get(i);
      list.add(
          new LanguageGuess.Candidate(
              e.getKey().getIsoCode639_1().toString(), round(e.getValue())));
    }
    return new LanguageGuess(code, round(confidence), list, declarationValid);
  }

  /** Every run of Latin letters and ASCII digits ({@code [\p{IsLatin}\d]+}) as one space. */
  static String blankLatinWords(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean latin =
          cp < 0x80
              ? (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
              : UnicodeScript.of(cp) == UnicodeScript.LATIN;
      if (!latin) {
        out.appendCodePoint(cp);
        inRun = false;
      } else if (!inRun) {
        out.append(' ');
        inRun = true;
      }
    }
    return out.toString();
  }

  /** Removes Cyrillic languages whose own letters are absent (Ukrainian «щ» is not Kazakh). */
  static EnumSet<Language> narrow(EnumSet<Language> all, String sample) {
    EnumSet<Language> candidates = EnumSet.copyOf(all);
    if (candidates.contains(Language.KAZAKH) && !containsAny(sample, "әғқңөұүһӘҒҚҢӨҰҮҺ")) {
      candidates.remove(Language.KAZAKH);
    }
    if (candidates.contains(Language.MONGOLIAN) && !containsAny(sample, "өүӨҮ")) {
      candidates.remove(Language.MONGOLIAN);
    }
    if (containsAny(sample, "їєґЇЄҐ")) {
      candidates.retainAll(EnumSet.of(Language.UKRAINIAN));
    } else if (containsAny(sample, "ўЎ")) {
      candidates.retainAll(EnumSet.of(Language.BELARUSIAN));
    } else if (containsAny(sample, "ђћџљњЂЋЏЉЊ")) {
      candidates.retainAll(EnumSet.of(Language.SERBIAN, Language.MACEDONIAN));
    }
    return candidates.isEmpty() ? all : candidates;
  }

  private static boolean containsAny(String text, String letters) {
    for (int i = 0; i < text.length(); i++) {
      if (letters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * How often a language appears in news feeds relative to a close neighbour: without a hint, text
   * that reads equally as Indonesian or Malay, Croatian or Bosnian, is far more often the first.
   * Soft: clear text still wins.
   */
  private static final Map<Language, Double> BASE =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(Language.MALAY, 0.3),
              Map.entry(Language.BOSNIAN, 0.3),
              Map.entry(Language.NYNORSK, 0.5),
              Map.entry(Language.LATIN, 0.1),
              Map.entry(Language.ESPERANTO, 0.3),
              Map.entry(Language.GANDA, 0.3),
              Map.entry(Language.MAORI, 0.3),
              Map.entry(Language.SHONA, 0.3),
              Map.entry(Language.SOTHO, 0.3),
              Map.entry(Language.TSONGA, 0.3),
              Map.entry(Language.TSWANA, 0.3),
              Map.entry(Language.XHOSA, 0.3),
              Map.entry(Language.YORUBA, 0.3),
              Map.entry(Language.ZULU, 0.3),
              Map.entry(Language.SOMALI, 0.3)));

  private Map<Language, Double> priors(LanguageHints hints) {
    Map<Language, Double> priors = new EnumMap<>(BASE);
    for (String tag : new String[] {hints.declaredLanguage(), hints.itemLanguage()}) {
      LanguageCodes.primary(tag)
          .map(BY_CODE::get)
          .ifPresent(l -> priors.put(l, 1.0 + settings.declaredWeight()));
    }
    for (Map.Entry<String, Double> e : mix.shares(hints.feedKey()).entrySet()) {
      Language l = BY_CODE.get(e.getKey());
      if (l != null) {
        priors.merge(l, 1.0 + settings.mixWeight() * e.getValue(), (a, b) -> a * b);
      }
    }
    return priors;
  }

  /** The model's probabilities of the candidates for {@code sample}, times their priors. */
  private static Map<Language, Double> posterior(
      NgramModel model,
      String sample,
      Set<Language> candidates,
      int order,
      Map<Language, Double> priors) {
    int[] ordinals = new int[candidates.size()];
    int i = 0;
    for (Language l : candidates) {
      ordinals[i++] = l.ordinal();
    }
    long[] costs = new long[LANGUAGES.length];
    if (model.score(sample, ordinals, order, costs) == 0) {
      return Map.of();
    }
    long least = Long.MAX_VALUE;
    for (int o : ordinals) {
      least = Math.min(least, costs[o]);
    }
    double[] weights = new double[ordinals.length];
    double sum = 0;
    for (int k = 0; k < ordinals.length; k++) {
      double nats = (costs[ordinals[k]] - least) / (double) NgramTable.COST_SCALE;
      weights[k] = Math.exp(-nats / TEMPERATURE) * priors.getOrDefault(LANGUAGES[ordinals[k]], 1.0);
      sum += weights[k];
    }
    Map<Language, Double> out = new EnumMap<>(Language.class);
    for (int k = 0; k < ordinals.length; k++) {
      out.put(LANGUAGES[ordinals[k]], weights[k] / sum);
    }
    return out;
  }

  private static List<Map.Entry<Language, Double>> ranked(Map<Language, Double> posterior) {
    List<Map.Entry<Language, Double>> ranked = new ArrayList<>(posterior.entrySet());
    ranked.sort(Map.Entry.<Language, Double>comparingByValue(Comparator.reverseOrder()));
    return ranked;
  }

  private LanguageGuess single(String code, double share, boolean declarationValid) {
    double confidence = round(Math.min(0.99, share));
    return new LanguageGuess(
        code, confidence, List.of(new LanguageGuess.Candidate(code, confidence)), declarationValid);
  }

  /** The first {@code sampleChars} characters, cut at a word boundary. */
  String sample(String text) {
    String t = text.strip();
    if (t.length() <= settings.sampleChars()) {
      return t;
    }
    int cut = t.lastIndexOf(' ', settings.sampleChars());
    return t.substring(0, cut > settings.sampleChars() / 2 ? cut : settings.sampleChars());
  }

  /**
   * One or two capitalized words and nothing else ("Angela Merkel", "Reuters") say who, not which
   * language.
   */
  static boolean looksLikeAName(String sample) {
    if (sample.isEmpty() || isSeparator(sample.charAt(0))) {
      return false;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (isSeparator(cp)) {
        inWord = false;
      } else if (!inWord) {
        inWord = true;
        if (++words > 2 || !Character.isUpperCase(cp)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The ASCII white space that separates words. */
  private static boolean isSeparator(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

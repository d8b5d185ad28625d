package io.cleanwire.normalizer.language;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/**
 * The letters of a text counted by Unicode script: the first, free narrowing of the candidate
 * languages (Hangul is Korean, Greek is Greek; Latin or Cyrillic leave a choice to the model).
 *
 * @param letters how many letters the text has
 * @param counts letters per script
 */
public record ScriptProfile(int letters, Map<UnicodeScript, Integer> counts) {

  private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();

  private static final int LATIN = UnicodeScript.LATIN.ordinal();

  /** Counts the letters of {@code text}, reading at most {@code maxChars} characters. */
  public static ScriptProfile of(CharSequence text, int maxChars) {
    int[] perScript = new int[SCRIPTS.length];
    int letters = 0;
    int end = Math.min(text.length(), maxChars);
    for (int i = 0; i < end; ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        // ASCII, most of the text: no script look-up
        i++;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          letters++;
          perScript[LATIN]++;
        }
        continue;
      }
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      UnicodeScript script = UnicodeScript.of(cp);
      if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
        continue;
      }
      letters++;
      perScript[script.ordinal()]++;
    }
    EnumMap<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    for (int s = 0; s < perScript.length; s++) {
      if (perScript[s] > 0) {
        counts.put(SCRIPTS[s], perScript[s]);
      }
    }
    return new ScriptProfile(letters, counts);
  }

  /**
   * The script of the text's language, or {@code COMMON} when there are no letters: the script with
   * the most letters, where Latin letters count for less — Latin words inside a Greek, Hebrew or
   * Cyrillic sentence are product and brand names, the reverse is rare.
   */
  public UnicodeScript dominant() {
    UnicodeScript best = UnicodeScript.COMMON;
    double max = 0;
    for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
      double weight = e.getKey() == UnicodeScript.LATIN ? 0.4 * e.getValue() : e.getValue();
      if (weight > max) {
        max = weight;
        best = e.getKey();
      }
    }
    return best;
  }

  /** Letters in {@code script}. */
  public int count(UnicodeScript script) {
    return counts.getOrDefault(script, 0);
  }

  /** Share of the letters that are in {@code script}, 0.0 when there are no letters. */
  public double share(UnicodeScript script) {
    return letters == 0 ? 0.0 : (double) count(script) / letters;
  }
}

package io.cleanwire.normalizer.dedup;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Headlines of a series: a short label, a colon, then the item's own headline ("Election live:
 * polls close in Ohio", "Photos: the week in pictures", "Markets wrap: oil falls"). Live blogs,
 * galleries and columns publish many items under one label, often over the same standfirst or the
 * same background paragraphs; their texts can be as alike as a re-syndicated copy's, and only the
 * headline after the label tells them apart. A copy of one item keeps its headline, or is re-titled
 * without the label.
 *
 * <p>Plain Java: the near-duplicate index stores the folded headline of every entry that has a
 * label ({@link #of}) and verification compares two of them ({@link #differentItems}).
 */
public final class SeriesTitle {

  /** Longest label, in characters. */
  static final int MAX_LABEL_CHARS = 40;

  /** Most words in a label. */
  static final int MAX_LABEL_WORDS = 5;

  /** Longest headline kept. */
  static final int MAX_CHARS = 200;

  /**
   * Word overlap (Jaccard) of the two headlines after the label up to which they are two items. A
   * third: two unrelated headlines still share a few function words ("de", "la"), while an edited
   * headline keeps most of its words ("polls close in Ohio" → "polls closed in Ohio, counting
   * begins": 3 of 7).
   */
  static final double MAX_ITEM_OVERLAP = 1.0 / 3;

  /**
   * A colon ends a label ("Live: …", French "Direct : …", "速報：…"). Dashes and bars are left out:
   * after them comes the site or agency more often than the item ("… — Reuters", "… | DW").
   */
  private static final String[] SEPARATORS = {": ", "："};

  private SeriesTitle() {}

  /**
   * The folded headline ({@code label + '\n' + rest}, lower case, spaces collapsed) when {@code
   * title} starts with a series label, or null.
   */
  public static String of(String title) {
    if (title == null) {
      return null;
    }
    String folded =
        ContentFingerprint.collapseSpaces(title.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))
            .strip();
    int at = -1;
    String separator = null;
    for (String s : SEPARATORS) {
      int i = folded.indexOf(s);
      if (i > 0 && (at < 0 || i < at)) {
        at = i;
        separator = s;
      }
    }
    if (at < 0 || at > MAX_LABEL_CHARS) {
      return null;
    }
    String label = folded.substring(0, at).strip();
    String rest = folded.substring(at + separator.length()).strip();
    if (label.isEmpty() || rest.isEmpty() || label.split(" ").length > MAX_LABEL_WORDS) {
      return null;
    }
    String key = label + "\n" + rest;
    if (key.length() <= MAX_CHARS) {
      return key;
    }
    int end = Character.isHighSurrogate(key.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return key.substring(0, end);
  }

  /**
   * Whether two keys of {@link #of} have one label and headlines after it that share at most a
   * third of their words (characters for scripts written without spaces).
   */
  public static boolean differentItems(String a, String b) {
    int na = a.indexOf('\n');
    int nb = b.indexOf('\n');
    if (na < 0 || nb < 0 || !a.regionMatches(0, b, 0, Math.max(na, nb)) || na != nb) {
      return false;
    }
    Set<Long> wordsA = words(a.substring(na + 1));
    Set<Long> wordsB = words(b.substring(nb + 1));
    if (wordsA.isEmpty() || wordsB.isEmpty()) {
      return false;
    }
    int shared = 0;
    for (Long w : wordsA) {
      if (wordsB.contains(w)) {
        shared++;
      }
    }
    double overlap = (double) shared / (wordsA.size() + wordsB.size() - shared);
    return overlap <= MAX_ITEM_OVERLAP;
  }

  private static Set<Long> words(String text) {
    Set<Long> out = new HashSet<>();
    for (long token : new Shingler(64).tokens(text)) {
      out.add(token);
    }
    return out;
  }
}

package io.cleanwire.normalizer.dedup;

import java.lang.Character.UnicodeScript;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns cleaned text into the set of its shingles, as sorted 32-bit hashes: word 3-grams for
 * scripts that separate words by spaces, character 3-grams for those that do not (Han, Kana, Thai,
 * Lao, Khmer, Myanmar) — a Chinese sentence has no words to count.
 *
 * <p>Case, punctuation and spacing are folded away so that a re-syndicated copy with other quotes
 * or line breaks has the same shingles. Only the first {@code maxTokens} tokens are read: the
 * beginning of a story says which story it is, and a truncated summary is a beginning.
 */
public final class Shingler {

  /** Tokens per shingle. */
  public static final int K = 3;

  private final int maxTokens;

  public Shingler(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  /** The shingle hashes of {@code text}, in text order (may repeat). */
  public int[] orderedShingles(String text) {
    long[] tokens = tokens(text == null ? "" : text);
    int n = tokens.length;
    if (n == 0) {
      return new int[0];
    }
    if (n < K) {
      return new int[] {mix(tokens, 0, n)};
    }
    int[] out = new int[n - K + 1];
    for (int i = 0; i + K <= n; i++) {
      out[i] = mix(tokens, i, K);
    }
    return out;
  }

  /** The distinct shingle hashes, sorted (for Jaccard and containment by merge). */
  public static int[] distinctSorted(int[] shingles) {
    int[] copy = shingles.clone();
    Arrays.sort(copy);
    int m = 0;
    for (int i = 0; i < copy.length; i++) {
      if (i == 0 || copy[i] != copy[i - 1]) {
        copy[m++] = copy[i];
      }
    }
    return Arrays.copyOf(copy, m);
  }

  /** 64-bit hashes of the folded tokens; one token per character in scripts without spaces. */
  long[] tokens(String text) {
    long[] out = new long[Math.min(maxTokens, 64)];
    int count = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length() && count < maxTokens; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (isUnspaced(cp)) {
          if (word.length() > 0) {
            out = add(out, count++, hash(word));
            word.setLength(0);
          }
          if (count < maxTokens) {
            out = add(out, count++, fnv(cp));
          }
        } else {
          word.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
        }
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK && word.length() > 0) {
        word.appendCodePoint(cp); // Thai vowels and Indic signs belong to their letter
      } else if (word.length() > 0) {
        out = add(out, count++, hash(word));
        word.setLength(0);
      }
    }
    if (word.length() > 0 && count < maxTokens) {
      out = add(out, count++, hash(word));
    }
    return Arrays.copyOf(out, count);
  }

  private static long[] add(long[] array, int index, long value) {
    long[] a = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
    a[index] = value;
    return a;
  }

  static boolean isUnspaced(int cp) {
    if (cp < 0x0E00) {
      return false; // Latin to Sinhala: every script before Thai separates its words
    }
    UnicodeScript s = UnicodeScript.of(cp);
    return s == UnicodeScript.HAN
        || s == UnicodeScript.HIRAGANA
        || s == UnicodeScript.KATAKANA
        || s == UnicodeScript.THAI
        || s == UnicodeScript.LAO
        || s == UnicodeScript.KHMER
        || s == UnicodeScript.MYANMAR;
  }

  private static long hash(CharSequence word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long fnv(int cp) {
    return (0xcbf29ce484222325L ^ cp) * 0x100000001b3L;
  }

  private static int mix(long[] tokens, int from, int len) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = from; i < from + len; i++) {
      h = (h ^ tokens[i]) * 0xbf58476d1ce4e5b9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  static String fold(String s) {
    return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}

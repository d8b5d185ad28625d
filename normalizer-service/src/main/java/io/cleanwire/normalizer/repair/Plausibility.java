package io.cleanwire.normalizer.repair;

/**
 * Scores how implausible a short stretch of text is: the decision rule of mojibake repair.
 *
 * <p>A candidate fix is taken only when it lowers this cost clearly. The cost counts what correct
 * text almost never holds: C1 controls and {@code �}; characters that no real text decodes to (IPA,
 * historic or unassigned blocks); letters of two scripts touching inside a word ({@code rГ©gion});
 * a lower-case letter followed by an accented capital ({@code cafÃ}); an accented letter followed
 * by a symbol of the Latin-1 or Windows-1252 upper half ({@code Ã©}, {@code â€}); two such symbols
 * in a row ({@code €™}, {@code √§}). Correct all-caps text ({@code JOSÉ’}, {@code SÃO}, {@code
 * CÂMARA}) costs nothing, and its "fix" ({@code JOSɒ}) costs a rare character, so it is never
 * taken.
 */
public final class Plausibility {

  private Plausibility() {}

  /** Cost of a code-point sequence on its own, neighbours given explicitly. */
  public static int cost(int before, int[] cps, int after) {
    int cost = 0;
    int prev2 = ' ';
    int prev = before;
    for (int cp : cps) {
      cost += unigram(cp) + pair(prev, cp) + triple(prev2, prev, cp);
      prev2 = prev;
      prev = cp;
    }
    return cost + pair(prev, after) + triple(prev2, prev, after);
  }

  /**
   * An accented capital, then a quote or dash, then a lower-case letter ({@code Ä‘i}): a capital
   * followed by closing punctuation ends an all-caps word ({@code JOSÉ’S}), never a lower-case one.
   */
  static int triple(int a, int b, int c) {
    if (a >= 0xC0
        && Character.isUpperCase(a)
        && (isWindowsPunctuation(b) || b == 0x201E || b == 0x201A)
        && Character.isLowerCase(c)) {
      return 2;
    }
    if (a >= 0xC0
        && b >= 0xC0
        && Character.isUpperCase(a)
        && Character.isUpperCase(b)
        && Character.isLowerCase(c)
        && scriptGroup(a) == LATIN
        && scriptGroup(b) == LATIN) {
      return 3; // ĂĽber: two accented capitals starting a lower-case word
    }
    if ((b == 0xAB || b == 0xBB) && Character.isLetter(a) && Character.isLetter(c)) {
      return 3; // e»ôec: a guillemet inside a word
    }
    return 0;
  }

  private static boolean isWindowsLetter(int cp) {
    return cp == 0x160
        || cp == 0x161
        || cp == 0x152
        || cp == 0x153
        || cp == 0x17D
        || cp == 0x17E
        || cp == 0x178
        || cp == 0x192;
  }

  private static boolean isWindowsPunctuation(int cp) {
    return cp == 0x2018
        || cp == 0x2019
        || cp == 0x201C
        || cp == 0x201D
        || cp == 0x2022
        || cp == 0x2013
        || cp == 0x2014
        || cp == 0x2026;
  }

  static int unigram(int cp) {
    if (cp < 0x80) {
      return 0;
    }
    if (cp <= 0x9F) {
      return 4;
    }
    if (cp == 0xFFFD) {
      return 2;
    }
    if (isRare(cp)) {
      return 4;
    }
    if (isOddSymbol(cp)) {
      return 1;
    }
    return 0;
  }

  static int pair(int a, int b) {
    if (a < 0x80 && b < 0x80) {
      return 0;
    }
    int cost = 0;
    boolean la = Character.isLetter(a);
    boolean lb = Character.isLetter(b);
    boolean mb = isMojibakeSymbol(b);
    boolean ma = isMojibakeSymbol(a);
    if (la && lb) {
      int sa = scriptGroup(a);
      int sb = scriptGroup(b);
      if (sa != sb && sa >= 0 && sb >= 0) {
        cost += 3;
      }
      if (b >= 0x80 && Character.isLowerCase(a) && Character.isUpperCase(b)) {
        cost += 3;
      }
      if (a >= 0x80
          && b >= 0x80
          && Character.isUpperCase(a)
          && Character.isLowerCase(b)
          && sa == LATIN
          && sb == LATIN) {
        cost += 3;
      }
    }
    if (la && mb) {
      cost += a >= 0x80 ? 3 : (isBrandMark(b) ? 0 : 1);
    }
    if (la && a >= 0x80 && (b == 0xAB || b == 0xBB) && Character.isLowerCase(a)) {
      cost += 2; // sá»‘: a guillemet glued to a lower-case accented letter
    }
    if ((a == 0xAB || a == 0xBB) && (mb || isWindowsPunctuation(b))) {
      cost += 1;
    }
    if (la && a >= 0xC0 && a <= 0xDF && (b == 0xA0 || b == 0xAB || b == 0xBB)) {
      cost += 2; // Ã or Â glued to a no-break space or a guillemet: à, « misread
    }
    if (la && a >= 0xC0 && a <= 0xDF && isWindowsLetter(b)) {
      cost += 2; // ÄŒ, ÅŸ: an accented capital followed by a Windows-1252 letter
    }
    if (b >= 0x300 && b <= 0x36F && !(la && scriptGroup(a) >= 0)) {
      cost += 3; // a combining mark on nothing
    }
    if (ma && mb) {
      cost += 2;
    } else if (ma && lb && b >= 0x80 && scriptGroup(b) == LATIN) {
      cost += 2;
    } else if (ma && (lb || isPunctuation(b))) {
      cost += 1;
    }
    if (b == 0xFFFD && (ma || la && a >= 0x80)) {
      cost += 2;
    }
    if ((a == 0x201A || a == 0x201E) && lb && b >= 0x80 && Character.isUpperCase(b)) {
      cost += 1;
    }
    return cost;
  }

  private static final int LATIN = 1;

  /** A small script number for letters, -1 for characters of no particular script. */
  static int scriptGroup(int cp) {
    if (cp < 0x80) {
      return Character.isLetter(cp) ? LATIN : -1;
    }
    if (cp < 0x250) {
      return LATIN;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    switch (s) {
      case LATIN:
        return LATIN;
      case COMMON:
      case INHERITED:
      case UNKNOWN:
        return -1;
      case HAN:
      case HIRAGANA:
      case KATAKANA:
      case BOPOMOFO:
        return 100;
      default:
        return 2 + s.ordinal();
    }
  }

  /** Symbols of the upper halves of the legacy charsets that mojibake is made of. */
  static boolean isMojibakeSymbol(int cp) {
    if (cp >= 0xA1 && cp <= 0xBF) {
      return cp != 0xAB && cp != 0xBB; // « » are ordinary quotes
    }
    if (cp == 0xD7 || cp == 0xF7) {
      return true; // × ÷ lead Hebrew and Arabic sequences
    }
    switch (cp) {
      case 0x20AC: // €
      case 0x201A: // ‚
      case 0x0192: // ƒ
      case 0x2020: // †
      case 0x2021: // ‡
      case 0x02C6: // ˆ
      case 0x2030: // ‰
      case 0x2039: // ‹
      case 0x203A: // ›
      case 0x2022: // •
      case 0x02DC: // ˜
      case 0x2122: // ™
      case 0x02C7: // ˇ
      case 0x02D8: // ˘
      case 0x02D9: // ˙
      case 0x02DB: // ˛
      case 0x02DD: // ˝
      case 0x2116: // №
      case 0x221A: // √
      case 0x222B: // ∫
      case 0x2248: // ≈
      case 0x2206: // ∆
      case 0x25CA: // ◊
      case 0x2260: // ≠
      case 0x221E: // ∞
      case 0x2264: // ≤
      case 0x2265: // ≥
      case 0x2202: // ∂
      case 0x2211: // ∑
      case 0x220F: // ∏
      case 0x2044: // ⁄
      case 0xFB01: // ﬁ
      case 0xFB02: // ﬂ
      case 0x2310: // ⌐
      case 0x2320: // ⌠
      case 0x2321: // ⌡
      case 0x20A7: // ₧
      case 0x2229: // ∩
      case 0x2261: // ≡
      case 0x2219: // ∙
        return true;
      default:
        return cp >= 0x2500 && cp <= 0x259F; // box drawing, blocks, shades (CP437)
    }
  }

  /** Marks that legitimately follow a brand name: {@code Apple™}, {@code Acme®}, {@code 40°}. */
  private static boolean isBrandMark(int cp) {
    return cp == 0x2122 || cp == 0xAE || cp == 0xA9 || cp == 0xB0;
  }

  /** Symbols seldom seen in prose at all (they mostly come from CP437 and MacRoman readings). */
  private static boolean isOddSymbol(int cp) {
    return (cp >= 0x2500 && cp <= 0x259F)
        || cp == 0x2310
        || cp == 0x2320
        || cp == 0x2321
        || cp == 0x221A
        || cp == 0x2248
        || cp == 0x222B
        || cp == 0x2206
        || cp == 0x25CA
        || cp == 0x2021
        || cp == 0x2030
        || cp == 0x0192
        || cp == 0x00A4
        || cp == 0x00A6
        || cp == 0x00A8
        || cp == 0x00AF
        || cp == 0x00B4
        || cp == 0x00B8
        || cp == 0x00AC
        || cp == 0x00AD;
  }

  private static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return cp > 0x20 && !Character.isLetterOrDigit(cp);
    }
    return cp >= 0x2010 && cp <= 0x205E;
  }

  /** Characters that no real text is made of: what a wrong "fix" produces. */
  public static boolean isRare(int cp) {
    if (cp < 0x180) {
      return cp >= 0x80 && cp <= 0x9F;
    }
    if (cp < 0x250) {
      // Latin Extended-B: only Vietnamese horns, pinyin carons and Romanian commas are common
      return !(cp == 0x1A0
          || cp == 0x1A1
          || cp == 0x1AF
          || cp == 0x1B0
          || (cp >= 0x1CD && cp <= 0x1DC)
          || (cp >= 0x218 && cp <= 0x21B)
          || cp == 0x192);
    }
    if (cp < 0x300) {
      return !(cp == 0x2BB || cp == 0x2BC || cp == 0x2BE || cp == 0x2BF);
    }
    if (cp < 0x370) {
      return false; // combining marks (decomposed text)
    }
    if (cp >= 0x460 && cp <= 0x489) {
      return true;
    }
    if (cp >= 0x500 && cp <= 0x52F) {
      return true;
    }
    if (cp >= 0x700 && cp <= 0x8FF) {
      return true;
    }
    if ((cp >= 0x13A0 && cp <= 0x177F)
        || (cp >= 0x1800 && cp <= 0x1DFF)
        || (cp >= 0x2C00 && cp <= 0x2DFF)
        || (cp >= 0xA000 && cp <= 0xABFF)
        || (cp >= 0xD7B0 && cp <= 0xF8FF)
        || (cp >= 0xFFF0 && cp <= 0xFFFC)
        || cp == 0xFFFE
        || cp == 0xFFFF) {
      return true;
    }
    if (cp > 0xFFFF) {
      boolean common =
          (cp >= 0x1F000 && cp <= 0x1FAFF)
              || (cp >= 0x1D400 && cp <= 0x1D7FF)
              || (cp >= 0x20000 && cp <= 0x2FA1F);
      if (!common) {
        return true;
      }
    }
    int type = Character.getType(cp);
    return type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.CONTROL;
  }
}

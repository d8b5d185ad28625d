package io.cleanwire.normalizer.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The small character-level cleaning steps: NFC, XML-illegal characters, invisible controls. */
public final class SimpleSteps {

  private SimpleSteps() {}

  /** Brings text to Unicode NFC, so that {@code e + U+0301} and {@code é} compare equal. */
  public static TextStep unicodeNfc() {
    return (text, log) -> {
      if (isQuickNfc(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
        return text;
      }
      log.record(RepairKinds.UNICODE_NFC, "normalized to NFC");
      return Normalizer.normalize(text, Normalizer.Form.NFC);
    };
  }

  /** Removes characters XML 1.0 forbids; one would make every RSS output of the item fail. */
  public static TextStep illegalCharacters() {
    return (text, log) ->
        remove(text, log, SimpleSteps::isXmlIllegal, RepairKinds.ILLEGAL_CHARACTERS);
  }

  /**
   * Removes zero-width characters and bidirectional controls, which hide or reorder what a title
   * says (Trojan-Source style spoofing) and break matching.
   *
   * <p>Zero-width joiner and non-joiner are kept: emoji sequences and Persian or Indic words need
   * them.
   */
  public static TextStep invisibleControls() {
    return (text, log) ->
        remove(text, log, SimpleSteps::isInvisibleControl, RepairKinds.INVISIBLE_CONTROLS);
  }

  /**
   * Cheap proof that {@code text} is in NFC: no character at or above U+0300 (where combining marks
   * and composable characters start), which is most feed text.
   */
  public static boolean isQuickNfc(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x300) {
        return false;
      }
    }
    return true;
  }

  /** Text without XML-illegal characters; the same instance when there is none. */
  public static String withoutXmlIllegal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0xD800 && (c <= 0xDFFF || c >= 0xFFFE)) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isXmlIllegal(cp)).forEach(out::appendCodePoint);
        return out.toString();
      }
    }
    return text;
  }

  /** True for code points XML 1.0 does not allow in a document (lone surrogates included). */
  public static boolean isXmlIllegal(int cp) {
    if (cp == 0x9 || cp == 0xA || cp == 0xD) {
      return false;
    }
    if (cp < 0x20) {
      return true;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return true;
    }
    return cp == 0xFFFE || cp == 0xFFFF;
  }

  static boolean isInvisibleControl(int cp) {
    return cp == 0x200B // zero width space
        || cp == 0x2060 // word joiner
        || cp == 0xFEFF // byte order mark / zero width no-break space
        || cp == 0x200E // left-to-right mark
        || cp == 0x200F // right-to-left mark
        || cp == 0x061C // arabic letter mark
        || (cp >= 0x202A && cp <= 0x202E) // embeddings and overrides
        || (cp >= 0x2066 && cp <= 0x2069); // isolates
  }

  private interface CodePointTest {
    boolean matches(int cp);
  }

  private static String remove(String text, RepairLog log, CodePointTest test, String kind) {
    StringBuilder out = null;
    Set<String> removed = null;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      // codePointAt returns a lone surrogate as itself, so the test sees it.
      if (test.matches(cp)) {
        if (out == null) {
          out = new StringBuilder(text.length());
          out.append(text, 0, i);
          removed = new TreeSet<>();
        }
        removed.add(String.format(Locale.ROOT, "U+%04X", cp));
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += width;
    }
    if (out == null) {
      return text;
    }
    log.record(kind, "removed " + String.join(", ", removed));
    return out.toString();
  }
}

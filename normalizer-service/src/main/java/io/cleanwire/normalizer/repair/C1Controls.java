package io.cleanwire.normalizer.repair;

import io.cleanwire.normalizer.text.RepairKinds;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextStep;

/**
 * Turns C1 control characters (U+0080–U+009F) into the Windows-1252 punctuation they really are
 * ({@code U+0093} → {@code “}); the five bytes Windows-1252 leaves undefined are removed.
 *
 * <p>Runs after {@link MojibakeRepair}, which already used the C1 characters that were part of
 * UTF-8 sequences. No real text holds C1 controls: Latin-1 decoders produce them from Windows-1252
 * bytes.
 */
public final class C1Controls implements TextStep {

  /** Repair kind: C1 controls read as Windows-1252 punctuation. */
  public static final String KIND = RepairKinds.C1_CONTROLS;

  @Override
  public String apply(String text, RepairLog log) {
    int n = text.length();
    int first = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(text, 0, first);
    int count = 0;
    for (int i = first; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        count++;
        char mapped = SingleByteCodec.WINDOWS_1252.charOf(c);
        if (mapped != c) {
          out.append(mapped);
        }
      } else {
        out.append(c);
      }
    }
    log.record(KIND, count + " read as Windows-1252");
    return out.toString();
  }
}

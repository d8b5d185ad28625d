package io.cleanwire.normalizer.repair;

import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextStep;
import java.util.List;

/**
 * The repair of broken characters in one piece of text: escaped bytes, nested character references,
 * mojibake, C1 controls, in that order (each can reveal the next: {@code &amp;Atilde;&amp;copy;} is
 * mojibake once decoded).
 *
 * <p>Plain Java without Quarkus, so that benchmarks and tools can use it. Clean text costs one
 * scan: {@link #mayNeedRepair} proves that none of the steps can apply.
 */
public final class TextRepair implements TextStep {

  private static final int MAX_ROUNDS = 4;

  private final List<TextStep> steps =
      List.of(new EscapedBytes(), new NestedEntities(), new MojibakeRepair(), new C1Controls());

  @Override
  public String apply(String text, RepairLog log) {
    if (!mayNeedRepair(text)) {
      return text;
    }
    // Until nothing changes (a few rounds at most): one repair can reveal another (an escape that
    // decodes to mojibake, a second charset in the same text), and repair must be idempotent.
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String before = current;
      for (TextStep step : steps) {
        current = step.apply(current, log);
      }
      if (current.equals(before) || !mayNeedRepair(current)) {
        break;
      }
    }
    return current;
  }

  /** Repairs {@code text} without keeping the log (tests, benchmarks). */
  public String repair(String text) {
    return apply(text, new RepairLog("text"));
  }

  /**
   * One pass over the characters: false proves that the text holds no escape, reference, mojibake
   * sequence or C1 control.
   */
  public static boolean mayNeedRepair(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c == '&' || (c == 'x' || c == '\\') && EscapedBytes.escapeMayStartAt(text, i)) {
          return true;
        }
      } else if (c <= 0x9F || MojibakeRepair.sequenceMayStartAt(text, i)) {
        return true;
      }
    }
    return false;
  }
}

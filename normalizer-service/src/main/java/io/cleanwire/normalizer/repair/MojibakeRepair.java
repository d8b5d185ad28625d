package io.cleanwire.normalizer.repair;

import io.cleanwire.normalizer.text.RepairKinds;
import io.cleanwire.normalizer.text.RepairLog;
import io.cleanwire.normalizer.text.TextStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs text whose UTF-8 bytes were decoded with a legacy single-byte charset (mojibake), one or
 * two layers deep, sequence by sequence, so that one broken word inside correct text is fixed and
 * the correct text around it is left alone.
 *
 * <p>For every charset of {@link SingleByteCodec#ALL}, each run of characters whose bytes form
 * complete, valid UTF-8 sequences is a candidate; it is replaced only when {@link Plausibility}
 * says the decoded run is clearly more plausible than the original (gain of at least {@value
 * #CONFIDENT}). Once a charset has made a confident repair in a text, its other candidates need
 * only to not make the text worse: the context says how the text was broken. Two special forms are
 * understood: a space standing for the 0xA0 byte (a no-break space lost by a later cleanup, {@code
 * invÃ lida}) inside a word, and {@code �} standing for a byte Windows-1252 leaves undefined
 * ({@code â€�} is a closing quote when a word or punctuation ends there; otherwise the run becomes
 * one {@code �}).
 */
public final class MojibakeRepair implements TextStep {

  static final int CONFIDENT = 3;
  private static final int MAX_LAYERS = 3;

  /** Repair kind: text decoded with the wrong charset, repaired. */
  public static final String KIND = RepairKinds.MOJIBAKE;

  @Override
  public String apply(String text, RepairLog log) {
    if (!mayContainMojibake(text)) {
      return text;
    }
    String current = text;
    Set<String> codecs = new LinkedHashSet<>();
    Set<SingleByteCodec> trusted = new LinkedHashSet<>();
    int layers = 0;
    int sequences = 0;
    for (int layer = 0; layer < MAX_LAYERS; layer++) {
      Pass pass = onePass(current, trusted);
      if (pass.repaired == 0) {
        break;
      }
      current = pass.text;
      codecs.addAll(pass.codecs);
      sequences += pass.repaired;
      layers++;
      if (!mayContainMojibake(current)) {
        break;
      }
    }
    if (layers > 0) {
      log.record(
          KIND,
          String.join("+", codecs)
              + " misreading of UTF-8, "
              + sequences
              + (sequences == 1 ? " run" : " runs")
              + (layers > 1 ? ", " + layers + " layers" : ""));
    }
    return current;
  }

  /**
   * Cheap test that proves a text cannot hold mojibake: no character that some legacy charset reads
   * for a UTF-8 lead byte is followed by one it reads for a continuation byte (or a space or {@code
   * �}).
   */
  public static boolean mayContainMojibake(String text) {
    int n = text.length();
    for (int i = 0; i < n - 1; i++) {
      if (sequenceMayStartAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a misread UTF-8 sequence may start at {@code i} (lead and next byte of one charset).
   */
  static boolean sequenceMayStartAt(String text, int i) {
    char c = text.charAt(i);
    if (c >= 0x80 && LEAD[c] != 0 && i + 1 < text.length()) {
      char next = text.charAt(i + 1);
      return next >= 0x80 ? (LEAD[c] & CONT[next]) != 0 : next == ' ';
    }
    return false;
  }

  /**
   * Per character, one bit per charset of {@link SingleByteCodec#ALL} reading it as a lead byte.
   */
  private static final byte[] LEAD = new byte[0x10000];

  /** Per character, one bit per charset reading it as a continuation byte. */
  private static final byte[] CONT = new byte[0x10000];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      for (int k = 0; k < SingleByteCodec.ALL.size(); k++) {
        int b = SingleByteCodec.ALL.get(k).byteOf((char) c);
        if (b >= 0xC2 && b <= 0xF4) {
          LEAD[c] |= (byte) (1 << k);
        }
        if (b >= 0x80 && b <= 0xBF) {
          CONT[c] |= (byte) (1 << k);
        }
      }
    }
    CONT[0xFFFD] = (byte) 0xFF;
  }

  private record Candidate(
      SingleByteCodec codec,
      int start,
      int end,
      int[] decoded,
      int gain,
      int afterCost,
      boolean weak) {

    /** Acceptable once the text is known to be misread through this codec. */
    boolean acceptableInContext() {
      int replacements = 0;
      for (int cp : decoded) {
        replacements += cp == 0xFFFD ? 2 : 0;
      }
      return gain >= 0 && afterCost <= replacements;
    }
  }

  private record Pass(String text, int repaired, List<String> codecs) {}

  private static Pass onePass(String text, Set<SingleByteCodec> trusted) {
    int[] cps = text.codePoints().toArray();
    List<Candidate> candidates = new ArrayList<>();
    for (SingleByteCodec codec : SingleByteCodec.ALL) {
      findRuns(cps, codec, candidates);
    }
    if (candidates.isEmpty()) {
      return new Pass(text, 0, List.of());
    }
    // The charset that explains the text best gets first say where readings overlap.
    java.util.Map<SingleByteCodec, Integer> support = new java.util.HashMap<>();
    for (Candidate c : candidates) {
      if (c.gain >= CONFIDENT && !c.weak) {
        support.merge(c.codec, c.gain, Integer::sum);
      }
    }
    for (SingleByteCodec codec : trusted) {
      support.merge(codec, 1_000, Integer::sum);
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> -support.getOrDefault(c.codec, 0))
            .thenComparingInt(c -> -c.gain));
    boolean[] taken = new boolean[cps.length];
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      // A second charset in the same text must make a much stronger case than the first.
      int needed = trusted.isEmpty() || trusted.contains(c.codec) ? CONFIDENT : 2 * CONFIDENT;
      if (c.weak) {
        needed += CONFIDENT; // a lost no-break space outside a word needs more evidence
      }
      if (c.gain >= needed && free(taken, c)) {
        take(taken, c);
        chosen.add(c);
        trusted.add(c.codec);
      }
    }
    for (Candidate c : candidates) {
      if (trusted.contains(c.codec) && c.acceptableInContext() && free(taken, c)) {
        take(taken, c);
        chosen.add(c);
      }
    }
    if (chosen.isEmpty()) {
      return new Pass(text, 0, List.of());
    }
    chosen.sort(Comparator.comparingInt(Candidate::start));
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    List<String> names = new ArrayList<>();
    for (Candidate c : chosen) {
      while (i < c.start) {
        out.appendCodePoint(cps[i++]);
      }
      for (int cp : c.decoded) {
        out.appendCodePoint(cp);
      }
      i = c.end;
      if (!names.contains(c.codec.name())) {
        names.add(c.codec.name());
      }
    }
    while (i < cps.length) {
      out.appendCodePoint(cps[i++]);
    }
    return new Pass(out.toString(), chosen.size(), names);
  }

  private static boolean free(boolean[] taken, Candidate c) {
    for (int i = c.start; i < c.end; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static void take(boolean[] taken, Candidate c) {
    for (int i = c.start; i < c.end; i++) {
      taken[i] = true;
    }
  }

  /**
   * A character of the Windows-1252 upper half decoded from Windows-1252 mojibake ({@code ˆ},
   * {@code U+0081}) is no verdict: it may be the first layer of double mojibake.
   */
  private static boolean innerLayer(SingleByteCodec codec, int cp) {
    return codec == SingleByteCodec.WINDOWS_1252
        && cp <= 0xFFFF
        && SingleByteCodec.WINDOWS_1252.byteOf((char) cp) >= 0x80;
  }

  /** Decodes every Windows-1252 sequence of {@code cps}; null when there is none or one is rare. */
  private static int[] decodeAll(int[] cps) {
    int[] seq = new int[3];
    int[] out = new int[cps.length];
    int n = 0;
    boolean changed = false;
    int i = 0;
    while (i < cps.length) {
      if (match(cps, i, SingleByteCodec.WINDOWS_1252, seq) && seq[2] == 0) {
        if (Plausibility.isRare(seq[1])) {
          return null;
        }
        out[n++] = seq[1];
        i = seq[0];
        changed = true;
      } else {
        out[n++] = cps[i++];
      }
    }
    return changed ? java.util.Arrays.copyOf(out, n) : null;
  }

  /** Finds runs of adjacent valid sequences for one charset and scores each run. */
  private static void findRuns(int[] cps, SingleByteCodec codec, List<Candidate> out) {
    int i = 0;
    int[] seq = new int[3];
    while (i < cps.length) {
      if (!match(cps, i, codec, seq)) {
        i++;
        continue;
      }
      int start = i;
      List<Integer> decoded = new ArrayList<>();
      boolean rare = false;
      boolean weak = false;
      while (i < cps.length && match(cps, i, codec, seq)) {
        decoded.add(seq[1]);
        weak |= seq[2] != 0;
        rare |= Plausibility.isRare(seq[1]) && !innerLayer(codec, seq[1]);
        i = seq[0];
      }
      if (rare) {
        continue;
      }
      int before = start > 0 ? cps[start - 1] : ' ';
      int after = i < cps.length ? cps[i] : ' ';
      int[] original = java.util.Arrays.copyOfRange(cps, start, i);
      int[] fixed = decoded.stream().mapToInt(Integer::intValue).toArray();
      int costBefore = Plausibility.cost(before, original, after);
      int costAfter = Plausibility.cost(before, fixed, after);
      // Double mojibake: the first reading is itself mojibake, judge the two layers together.
      int[] deeper = decodeAll(fixed);
      if (deeper != null) {
        int costDeeper = Plausibility.cost(before, deeper, after);
        if (costDeeper < costAfter) {
          fixed = deeper;
          costAfter = costDeeper;
        }
      }
      out.add(new Candidate(codec, start, i, fixed, costBefore - costAfter, costAfter, weak));
    }
  }

  /**
   * Matches one UTF-8 sequence read through {@code codec} at {@code i}; on success {@code
   * result[0]} is the end index and {@code result[1]} the decoded code point.
   */
  static boolean match(int[] cps, int i, SingleByteCodec codec, int[] result) {
    int c = cps[i];
    if (c < 0x80 || c > 0xFFFF) {
      return false;
    }
    int lead = codec.byteOf((char) c);
    if (lead < 0xC2 || lead > 0xF4) {
      return false;
    }
    int n = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    if (i + n >= cps.length) {
      return false;
    }
    int cp = lead & (n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07);
    boolean lossy = false;
    boolean weak = false;
    for (int k = 1; k <= n; k++) {
      int ch = cps[i + k];
      int b = ch <= 0xFFFF ? codec.byteOf((char) ch) : -1;
      if (b < 0x80 || b > 0xBF) {
        if (ch == ' ' && (k == n || n == 1)) {
          // A no-break space turned into a space by a later cleanup: certain inside a lower-case
          // word, otherwise only once the text is known to be misread.
          weak = !lostNoBreakSpace(cps, i);
          b = 0xA0;
        } else if (ch == 0xFFFD && codec == SingleByteCodec.WINDOWS_1252) {
          lossy = true;
          b = k == n ? 0x9D : 0x80;
        } else {
          return false;
        }
      }
      if (k == 1 && !lossy) {
        if (lead == 0xE0 && b < 0xA0
            || lead == 0xED && b > 0x9F
            || lead == 0xF0 && b < 0x90
            || lead == 0xF4 && b > 0x8F) {
          return false;
        }
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    if (lossy) {
      // Only 0x9D of the undefined bytes completes a common character (the closing quote U+201D).
      int next = i + n + 1 < cps.length ? cps[i + n + 1] : ' ';
      boolean wordEnds = !Character.isLetterOrDigit(next);
      boolean closingQuote = cp == 0x201D && cps[i + n] == 0xFFFD;
      cp = closingQuote && wordEnds && i > 0 && !Character.isWhitespace(cps[i - 1]) ? cp : 0xFFFD;
    }
    if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
      return false;
    }
    result[0] = i + n + 1;
    result[1] = cp;
    result[2] = weak ? 1 : 0;
    return true;
  }

  /**
   * A space after a lead byte surely stands for 0xA0 after a lower-case letter ({@code invÃ l}).
   */
  private static boolean lostNoBreakSpace(int[] cps, int lead) {
    return lead > 0 && Character.isLowerCase(cps[lead - 1]);
  }
}

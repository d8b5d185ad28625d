package io.cleanwire.normalizer.boilerplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which lines of one entry are boilerplate: configured rules, lines this feed is known to
 * repeat in many entries (learned), and lines repeated inside the entry itself (gallery captions).
 *
 * <p>Plain Java. Lines are compared after {@link #key} (whitespace collapsed), so the same line in
 * the summary text and in a content paragraph is one line.
 */
public final class LineFilter {

  /** Limits of the in-entry repetition rule. */
  public record Repetition(int maxChars, int minCount) {}

  private final BoilerplateRules rules;
  private final Repetition repetition;

  public LineFilter(BoilerplateRules rules, Repetition repetition) {
    this.rules = rules;
    this.repetition = repetition;
  }

  /** Why lines were dropped: rule names, learned and repeated counts. */
  public record Verdict(Set<Integer> dropped, Set<String> ruleNames, int learned, int repeated) {
    public boolean isEmpty() {
      return dropped.isEmpty();
    }
  }

  /**
   * Judges {@code lines} (in reading order); {@code learned} holds the keys of lines the feed is
   * known to repeat. Returns the indexes to drop.
   */
  public Verdict judge(List<String> lines, Set<String> learned) {
    return judge(lines, learned, Set.of());
  }

  /**
   * {@link #judge(List, Set)}, where the lines at {@code kept} are never dropped for repetition
   * (lines broken by {@code <br>} inside a paragraph: verse and refrains repeat on purpose).
   */
  public Verdict judge(List<String> lines, Set<String> learned, Set<Integer> kept) {
    Set<Integer> dropped = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    int learnedCount = 0;
    int repeatedCount = 0;
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    List<String> keys = new ArrayList<>(lines.size());
    for (String line : lines) {
      String key = key(line);
      keys.add(key);
      total.merge(key, 1, Integer::sum);
    }
    String previous = null;
    for (int i = 0; i < lines.size(); i++) {
      String key = keys.get(i);
      if (key.isEmpty()) {
        continue;
      }
      String rule = matchingRule(key);
      if (rule != null) {
        dropped.add(i);
        names.add(rule);
        BoilerplateRules.Rule r = ruleNamed(rule);
        if (r.next() != null
            && i + 1 < lines.size()
            && r.next().matcher(keys.get(i + 1)).matches()) {
          dropped.add(++i);
        }
      } else if (learned.contains(key)) {
        dropped.add(i);
        learnedCount++;
      } else if (!kept.contains(i)
          && key.length() <= repetition.maxChars()
          && (key.equals(previous)
              || total.get(key) >= repetition.minCount() && seen.containsKey(key))) {
        dropped.add(i);
        repeatedCount++;
      }
      seen.merge(key, 1, Integer::sum);
      previous = key;
    }
    return new Verdict(dropped, names, learnedCount, repeatedCount);
  }

  private String matchingRule(String key) {
    for (BoilerplateRules.Rule rule : rules.rules()) {
      if (rule.line().matcher(key).matches()) {
        return rule.name();
      }
    }
    return null;
  }

  private BoilerplateRules.Rule ruleNamed(String name) {
    for (BoilerplateRules.Rule rule : rules.rules()) {
      if (rule.name().equals(name)) {
        return rule;
      }
    }
    throw new IllegalStateException(name);
  }

  /** The comparison form of a line: whitespace (no-break spaces too) collapsed, ends trimmed. */
  public static String key(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}

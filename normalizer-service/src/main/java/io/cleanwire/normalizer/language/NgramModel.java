package io.cleanwire.normalizer.language;

import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A character Markov model per language read from the statistics Lingua ships in its jar ({@code
 * language-models/<iso>/unigrams.json} … {@code fivegrams.json}: for each n-gram, its count over
 * the count of its first {@code n − 1} characters), packed into one {@link NgramTable} per order so
 * that scoring a text against 45 languages costs a few hash probes per letter.
 *
 * <p>A text is scored letter by letter, inside words (the statistics only hold n-grams of letters):
 * each letter costs {@code −ln P(letter | up to order−1 previous letters)} in each candidate
 * language, from the longest context that language has seen, plus a back-off penalty per order
 * given up; a letter the language never uses costs a fixed, high floor. The sum is the text's
 * negative log-likelihood in that language, lower is likelier.
 *
 * <p>Languages are indexed by {@link Language#ordinal()}. The character alphabet is fixed by the
 * unigrams (at most {@value #MAX_ALPHABET} distinct letters), so higher orders can be added later
 * ({@link #withOrders}) without changing how a text is read. Immutable and thread-safe.
 */
final class NgramModel {

  /** Highest order the statistics hold. */
  static final int MAX_ORDER = 5;

  private static final int CHAR_BITS = 11;
  private static final int MAX_ALPHABET = (1 << CHAR_BITS) - 1;
  private static final String[] FILES = {
    "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"
  };
  private static final long[] KEY_MASKS = new long[MAX_ORDER + 1];

  static {
    for (int n = 1; n <= MAX_ORDER; n++) {
      KEY_MASKS[n] = (1L << (CHAR_BITS * n)) - 1;
    }
  }

  /** Cost of giving up one order of context (≈ ln 2.5, the usual "stupid back-off" factor). */
  static final int BACKOFF_COST = Math.round(0.9f * NgramTable.COST_SCALE);

  /** Cost of a letter the language's statistics never saw (below any seen letter's). */
  static final int UNSEEN_COST = Math.round(15f * NgramTable.COST_SCALE);

  private static final int LANGUAGES = Language.values().length;

  /**
   * A candidate this far behind the leader (in nats of likelihood) is dropped from the rest of the
   * text: after {@link #PRUNE_AFTER} letters such a gap is never closed by the letters that follow
   * (unrelated languages; close neighbours stay within a few nats), and the priors, worth at most
   * ~3 nats after the detector's temperature, cannot bridge it either.
   */
  static final long PRUNE_GAP = 100L * NgramTable.COST_SCALE;

  /** Letters scored before candidates are pruned, and between two prunings. */
  static final int PRUNE_AFTER = 24;

  /** The cost given to a pruned candidate: it lost. */
  static final long PRUNED = Long.MAX_VALUE / 4;

  private final char[] alphabet;
  private final NgramTable[] tables;

  private NgramModel(char[] alphabet, NgramTable[] tables) {
    this.alphabet = alphabet;
    this.tables = tables;
  }

  /** Loads orders 1 to {@code order} of {@code languages} (all their n-grams). */
  static NgramModel load(Collection<Language> languages, int order) {
    char[] alphabet = new char[Character.MAX_VALUE + 1];
    int[] next = {1};
    NgramTable.Builder unigrams = new NgramTable.Builder();
    for (Language language : languages) {
      read(language, 1, 1, alphabet, next, unigrams);
    }
    NgramTable[] tables = new NgramTable[MAX_ORDER];
    tables[0] = unigrams.build();
    NgramModel model = new NgramModel(alphabet, tables);
    return order > 1 ? model.withOrders(languages, 2, order, 1) : model;
  }

  /**
   * A model with this one's tables plus orders {@code from} to {@code to} of {@code languages}
   * (replacing those orders if present), keeping only n-grams counted at least {@code minCount}
   * times in the language's training text.
   */
  NgramModel withOrders(Collection<Language> languages, int from, int to, int minCount) {
    NgramTable[] more = tables.clone();
    for (int n = from; n <= to; n++) {
      NgramTable.Builder builder = new NgramTable.Builder();
      for (Language language : languages) {
        read(language, n, minCount, alphabet, null, builder);
      }
      more[n - 1] = builder.build();
    }
    return new NgramModel(alphabet, more);
  }

  /** Highest order loaded. */
  int order() {
    int n = 0;
    while (n < MAX_ORDER && tables[n] != null) {
      n++;
    }
    return n;
  }

  /** Approximate heap held by the tables of orders {@code from} to {@code to}. */
  long bytes(int from, int to) {
    long sum = 0;
    for (int n = from; n <= to; n++) {
      if (tables[n - 1] != null) {
        sum += tables[n - 1].bytes();
      }
    }
    return sum;
  }

  /** The table of order {@code n}, or null. */
  NgramTable table(int n) {
    return tables[n - 1];
  }

  /**
   * Adds to {@code costs[l]} the cost of {@code text} in each language {@code l} of {@code
   * candidates} with contexts of up to {@code order} letters, and returns the letters scored. A
   * candidate that falls {@link #PRUNE_GAP} behind the best one is not scored further and its cost
   * is set to {@link #PRUNED}: most of a Latin text's ~40 candidates are out after a few words.
   *
   * @param candidates language ordinals, without repeats
   * @param costs indexed by language ordinal
   */
  int score(CharSequence text, int[] candidates, int order, long[] costs) {
    return score(text, candidates, order, costs, PRUNE_GAP);
  }

  /** {@link #score} with another pruning gap ({@code Long.MAX_VALUE}: none). */
  int score(CharSequence text, int[] candidates, int order, long[] costs, long pruneGap) {
    int top = Math.min(order, order());
    boolean[] wanted = new boolean[LANGUAGES];
    for (int c : candidates) {
      wanted[c] = true;
    }
    int[] live = candidates.clone();
    int active = live.length;
    int nextPrune = PRUNE_AFTER;
    int[] seen = new int[LANGUAGES];
    int stamp = 0;
    long window = 0;
    int run = 0;
    int scored = 0;
    for (int i = 0, end = text.length(); i < end; i++) {
      char ch = text.charAt(i);
      // the alphabet holds exactly the characters of the statistics: letters and the combining
      // vowel signs of Indic scripts, never digits, spaces or punctuation
      int id = alphabet[Character.toLowerCase(ch)];
      if (id == 0) {
        // a word boundary for the model, or a character no modelled language uses
        run = 0;
        window = 0;
        continue;
      }
      window = (window << CHAR_BITS) | id;
      if (run < top) {
        run++;
      }
      stamp++;
      scored++;
      int assigned = 0;
      for (int n = run; n >= 1 && assigned < active; n--) {
        NgramTable table = tables[n - 1];
        int slot = table.find(window & KEY_MASKS[n]);
        if (slot < 0) {
          continue;
        }
        int penalty = (run - n) * BACKOFF_COST;
        for (int p = table.start(slot), stop = p + table.length(slot); p < stop; p++) {
          int l = table.language(p);
          if (wanted[l] && seen[l] != stamp) {
            seen[l] = stamp;
            costs[l] += table.cost(p) + penalty;
            if (++assigned == active) {
              break; // every live candidate has its cost for this letter
            }
          }
        }
      }
      if (assigned < active) {
        for (int k = 0; k < active; k++) {
          int c = live[k];
          if (seen[c] != stamp) {
            costs[c] += UNSEEN_COST + (long) run * BACKOFF_COST;
          }
        }
      }
      if (scored == nextPrune && active > 2) {
        nextPrune += PRUNE_AFTER;
        active = prune(live, active, wanted, costs, pruneGap);
      }
    }
    return scored;
  }

  /** Drops the live candidates {@link #PRUNE_GAP} behind the best; returns how many are left. */
  private static int prune(int[] live, int active, boolean[] wanted, long[] costs, long gap) {
    long best = Long.MAX_VALUE;
    for (int k = 0; k < active; k++) {
      best = Math.min(best, costs[live[k]]);
    }
    int kept = 0;
    for (int k = 0; k < active; k++) {
      int c = live[k];
      if (costs[c] - best > gap) {
        wanted[c] = false;
        costs[c] = PRUNED;
      } else {
        live[kept++] = c;
      }
    }
    return kept;
  }

  /** Reads one statistics file into {@code builder}; unigrams also extend the alphabet. */
  private static void read(
      Language language,
      int order,
      int minCount,
      char[] alphabet,
      int[] nextId,
      NgramTable.Builder builder) {
    String iso = language.getIsoCode639_1().toString();
    String resource = "language-models/" + iso + "/" + FILES[order - 1] + ".json";
    String json;
    try (InputStream in = Language.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return; // languages of one-language scripts ship unigrams only
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    // {"language":"GERMAN","ngrams":{"426/3451":"cca","2/3451":"ccd ccn",...}}
    int at = json.indexOf("\"ngrams\"");
    if (at < 0) {
      throw new IllegalStateException("unexpected model format: " + resource);
    }
    at = json.indexOf('{', at) + 1;
    int ordinal = language.ordinal();
    while (true) {
      int fractionStart = json.indexOf('"', at);
      if (fractionStart < 0) {
        break;
      }
      int slash = json.indexOf('/', fractionStart);
      int fractionEnd = json.indexOf('"', fractionStart + 1);
      int gramsStart = json.indexOf('"', fractionEnd + 1) + 1;
      int gramsEnd = json.indexOf('"', gramsStart);
      at = gramsEnd + 1;
      long count = Long.parseLong(json, fractionStart + 1, slash, 10);
      if (count < minCount) {
        continue;
      }
      long total = Long.parseLong(json, slash + 1, fractionEnd, 10);
      int cost = (int) Math.round(-Math.log((double) count / total) * NgramTable.COST_SCALE);
      int gram = gramsStart;
      while (gram < gramsEnd) {
        int space = json.indexOf(' ', gram);
        int gramEnd = space < 0 || space > gramsEnd ? gramsEnd : space;
        long key = key(json, gram, gramEnd, alphabet, nextId);
        if (key != 0) {
          builder.add(key, ordinal, cost);
        }
        gram = gramEnd + 1;
      }
    }
  }

  /** Packs the letters into a key, or 0 when one is outside the (full) alphabet. */
  private static long key(String s, int from, int to, char[] alphabet, int[] nextId) {
    long key = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int id = alphabet[c];
      if (id == 0) {
        if (nextId == null || nextId[0] > MAX_ALPHABET) {
          return 0;
        }
        id = nextId[0]++;
        alphabet[c] = (char) id;
      }
      key = (key << CHAR_BITS) | id;
    }
    return key;
  }

  /** Letters in the alphabet (for tests and logs). */
  int alphabetSize() {
    int n = 0;
    for (char c : alphabet) {
      if (c != 0) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    int[] sizes = new int[MAX_ORDER];
    for (int n = 0; n < MAX_ORDER; n++) {
      sizes[n] = tables[n] == null ? 0 : tables[n].size();
    }
    return "NgramModel" + Arrays.toString(sizes);
  }
}

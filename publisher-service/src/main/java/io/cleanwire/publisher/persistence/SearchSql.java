package io.cleanwire.publisher.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the full-text query {@code q} into an SQL condition for the database this build runs on.
 *
 * <p><b>PostgreSQL</b>: each item carries a {@code tsvector} stemmed in its own language ({@code
 * publisher_search_config}, migration {@code db/vendor/postgresql/V3__search.sql}). The query is
 * parsed with {@code websearch_to_tsquery} (words, {@code "phrases"}, {@code or}, {@code -word})
 * once per candidate language, the distinct results OR-ed: "Häuser" finds a German item about
 * "Haus", and "elections" an English item about an "election". The candidates are the requested
 * {@code language}s, else every stemmed language plus {@code simple}. That parse is a separate,
 * cheap statement ({@link #PARSE_SQL}) whose result is bound into the item query as one constant
 * tsquery: written out as 29 parses, the planner spent ~7 ms folding and estimating them twice
 * (item and story probe) for ~2 ms of execution. The combined query does not depend on the row, so
 * the GIN index {@code item_search_idx} or a walk of the time index can serve it; a recheck ({@code
 * publisher_search_matches}, migration {@code V4__search_recheck.sql}) then keeps only rows that
 * match the query parsed in their own language.
 *
 * <p><b>H2</b> (local runs, tests): no stemming. Every word of the query (letters and digits,
 * lower-cased, at most {@value #MAX_TERMS}) must occur in the item's title, summary or tag-free
 * content as a case-insensitive substring, so "elect" finds "election" but "elections" does not
 * find "election"; quotes, {@code or} and {@code -} have no special meaning. The scan is not
 * indexed: adequate for a local instance, not for millions of items.
 */
public final class SearchSql {

  /**
   * The languages {@code publisher_search_config} stems, one code per configuration; keep in step
   * with the migration.
   */
  public static final List<String> STEMMED_LANGUAGES =
      List.of(
          "ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "el", "hi", "hu", "id", "ga",
          "it", "lt", "ne", "no", "pt", "ro", "ru", "sr", "es", "sv", "ta", "tr", "yi");

  static final int MAX_TERMS = 10;

  private SearchSql() {}

  /**
   * PostgreSQL: parses the query ({@code ?} 1) in each language of an array ({@code ?} 2), one row
   * per distinct result, as tsquery text; an empty text when a parse found no lexeme (only stop
   * words or punctuation).
   */
  public static final String PARSE_SQL =
      "select distinct websearch_to_tsquery(publisher_search_config(l), ?)::text"
          + " from unnest(?::varchar[]) as l";

  /** PostgreSQL: the languages {@link #PARSE_SQL} parses the query in for this filter. */
  public static List<String> candidateLanguages(ItemFilter filter) {
    Set<String> candidates = new LinkedHashSet<>(filter.languages());
    if (candidates.isEmpty()) {
      candidates.addAll(STEMMED_LANGUAGES);
      candidates.add("und");
    }
    return List.copyOf(candidates);
  }

  /**
   * The OR of the per-language parses returned by {@link #PARSE_SQL}, or an empty string when none
   * has a lexeme (then nothing matches, as with an empty tsquery).
   */
  public static String anyLanguage(Collection<String> parses) {
    TreeSet<String> distinct = new TreeSet<>();
    for (String part : parses) {
      if (part != null && !part.isBlank()) {
        distinct.add(part);
      }
    }
    if (distinct.size() <= 1) {
      return distinct.isEmpty() ? "" : distinct.first();
    }
    return "(" + String.join(") | (", distinct) + ")";
  }

  /**
   * Appends {@code and <condition on alias>} for {@code text} and records its parameters; the same
   * parameter names serve every alias. On PostgreSQL {@code parsed} is {@link #anyLanguage} of the
   * query's parses; elsewhere it is ignored.
   */
  public static void append(
      StringBuilder sql,
      Map<String, Object> params,
      String dbKind,
      ItemFilter filter,
      String alias,
      String parsed) {
    if (filter.text() == null) {
      return;
    }
    if (isPostgres(dbKind)) {
      if (parsed == null || parsed.isEmpty()) {
        sql.append(" and 1 = 0");
        return;
      }
      params.put("qAny", parsed);
      params.put("q", filter.text());
      sql.append(" and ").append(alias).append(".search_vector @@ cast(:qAny as tsquery)");
      // The OR above is what the index can serve, but it also lets one language's parse match
      // another's row (a stem in one, a stop word or other stem in the next: "-word" would leak).
      // The recheck keeps exactly the rows that match the query read in their own language.
      // publisher_search_matches (migration V4) hides this from the planner's row estimate.
      sql.append(" and publisher_search_matches(")
          .append(alias)
          .append(".search_vector, ")
          .append(alias)
          .append(".language, :q)");
      return;
    }
    List<String> terms = terms(filter.text());
    if (terms.isEmpty()) {
      // Nothing searchable (only punctuation): matches nothing, like an empty tsquery.
      sql.append(" and 1 = 0");
      return;
    }
    for (int i = 0; i < terms.size(); i++) {
      sql.append(" and ").append(alias).append(".search_text like :qt").append(i);
      sql.append(" escape '\\'");
      params.put("qt" + i, "%" + escapeLike(terms.get(i)) + "%");
    }
  }

  /** The words of a query as the H2 fallback matches them. */
  static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !terms.contains(word) && terms.size() < MAX_TERMS) {
        terms.add(word);
      }
    }
    return terms;
  }

  public static boolean isPostgres(String dbKind) {
    return dbKind != null && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
  }

  private static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

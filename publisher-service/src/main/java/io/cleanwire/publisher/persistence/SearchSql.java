package io.cleanwire.publisher.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the full-text query {@code q} into an SQL condition for the database this build runs on.
 *
 * <p><b>PostgreSQL</b>: each item carries a {@code tsvector} stemmed in its own language ({@code
 * publisher_search_config}, migration {@code db/vendor/postgresql/V3__search.sql}). The query is
 * parsed with {@code websearch_to_tsquery} (words, {@code "phrases"}, {@code or}, {@code -word})
 * once per candidate language, the results OR-ed: "Häuser" finds a German item about "Haus", and
 * "elections" an English item about an "election". The candidates are the requested {@code
 * language}s, else every stemmed language plus {@code simple}. The combined query does not depend
 * on the row, so the GIN index {@code item_search_idx} serves it; a recheck then keeps only rows
 * that match the query parsed in their own language.
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
   * Appends {@code and <condition on alias>} for {@code text} and records its parameters; the same
   * parameter names serve every alias.
   */
  public static void append(
      StringBuilder sql,
      Map<String, Object> params,
      String dbKind,
      ItemFilter filter,
      String alias) {
    if (filter.text() == null) {
      return;
    }
    if (isPostgres(dbKind)) {
      Set<String> candidates = new LinkedHashSet<>(filter.languages());
      if (candidates.isEmpty()) {
        candidates.addAll(STEMMED_LANGUAGES);
        candidates.add("und");
      }
      List<String> parts = new ArrayList<>();
      int n = 0;
      for (String language : candidates) {
        parts.add("websearch_to_tsquery(publisher_search_config(:ql" + n + "), :q)");
        params.put("ql" + n, language);
        n++;
      }
      params.put("q", filter.text());
      sql.append(" and ")
          .append(alias)
          .append(".search_vector @@ (")
          .append(String.join(" || ", parts))
          .append(")");
      // The OR above is what the index can serve, but it also lets one language's parse match
      // another's row (a stem in one, a stop word or other stem in the next: "-word" would leak).
      // The recheck keeps exactly the rows that match the query read in their own language.
      sql.append(" and ")
          .append(alias)
          .append(".search_vector @@ websearch_to_tsquery(publisher_search_config(")
          .append(alias)
          .append(".language), :q)");
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

  static boolean isPostgres(String dbKind) {
    return dbKind != null && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
  }

  private static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

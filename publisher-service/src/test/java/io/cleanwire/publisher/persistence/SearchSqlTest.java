package io.cleanwire.publisher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query words of the H2 fallback, and the language list kept in step with the migration. */
class SearchSqlTest {

  @Test
  void splitsQueriesIntoLowerCaseWordsOfLettersAndDigits() {
    assertThat(SearchSql.terms("Élection 2026, \"Berlin\"-Mitte!"))
        .containsExactly("élection", "2026", "berlin", "mitte");
    assertThat(SearchSql.terms("a a A")).containsExactly("a");
    assertThat(SearchSql.terms("!!! ...")).isEmpty();
    assertThat(SearchSql.terms("1 2 3 4 5 6 7 8 9 10 11 12")).hasSize(SearchSql.MAX_TERMS);
  }

  @Test
  void combinesTheDistinctParsesOfAllLanguagesAndMatchesNothingWithoutALexeme() {
    assertThat(SearchSql.anyLanguage(List.of("'elect'", "'election'", "'elect'", "")))
        .isEqualTo("('elect') | ('election')");
    assertThat(SearchSql.anyLanguage(List.of("'haus'"))).isEqualTo("'haus'");
    assertThat(SearchSql.anyLanguage(List.of("", " "))).isEmpty();
    StringBuilder sql = new StringBuilder();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    ItemFilter filter = new ItemFilter(List.of(), null, null, null, null, "the");
    SearchSql.append(sql, params, "postgresql", filter, "i", "");
    assertThat(sql.toString()).isEqualTo(" and 1 = 0");
  }

  @Test
  void everyStemmedLanguageIsMappedByThePostgresMigration() throws IOException {
    String migration;
    try (InputStream in = getClass().getResourceAsStream("/db/vendor/postgresql/V3__search.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String code : SearchSql.STEMMED_LANGUAGES) {
      assertThat(migration).contains("WHEN '" + code + "' THEN");
    }
    assertThat(SearchSql.STEMMED_LANGUAGES).doesNotHaveDuplicates();
    assertThat(List.copyOf(SearchSql.STEMMED_LANGUAGES)).contains("en", "de", "fr", "ru");
  }
}

package io.cleanwire.publisher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named placeholders of the read queries become JDBC placeholders with their values in order. */
class ItemReaderSqlTest {

  @Test
  void bindsRepeatedNamesAndExpandsLists() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("languages", List.of("de", "fr"));
    params.put("feedUrl", "https://a.example/feed");
    List<Object> values = new ArrayList<>();
    String sql =
        ItemReader.positional(
            "select 1 from item i where i.language in (:languages) and i.feed_url = :feedUrl"
                + " and not exists (select 1 from item j where j.language in (:languages))",
            params,
            values);
    assertThat(sql)
        .isEqualTo(
            "select 1 from item i where i.language in (?, ?) and i.feed_url = ?"
                + " and not exists (select 1 from item j where j.language in (?, ?))");
    assertThat(values).containsExactly("de", "fr", "https://a.example/feed", "de", "fr");
  }

  @Test
  void leavesCastsAndQuotedTextAlone() {
    List<Object> values = new ArrayList<>();
    String sql =
        ItemReader.positional(
            "select ':notAName', x::text from t where a like :q escape '\\' and b = :q",
            Map.of("q", "%x%"),
            values);
    assertThat(sql)
        .isEqualTo("select ':notAName', x::text from t where a like ? escape '\\' and b = ?");
    assertThat(values).containsExactly("%x%", "%x%");
  }

  @Test
  void refusesAPlaceholderWithoutValue() {
    assertThatThrownBy(() -> ItemReader.positional("a = :missing", Map.of(), new ArrayList<>()))
        .hasMessageContaining(":missing");
  }
}

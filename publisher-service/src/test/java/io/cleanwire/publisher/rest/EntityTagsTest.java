package io.cleanwire.publisher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.publisher.persistence.TableStamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional-request rules of RFC 9110 and the stamp-based tags. */
class EntityTagsTest {

  private static final Instant CHANGED = Instant.parse("2026-01-31T08:00:00.500Z");
  private static final Instant OLDEST = Instant.parse("2025-01-01T00:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"abc\"|true",
        "W/\"abc\"|true",
        "\"x\", \"abc\"|true",
        "*|true",
        "\"abd\"|false",
        "abc|false",
        "''|false"
      })
  void matchesIfNoneMatchByWeakComparison(String header, boolean expected) {
    assertThat(EntityTags.matches(header, "\"abc\"")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sat, 31 Jan 2026 08:00:00 GMT|true",
        "Sat, 31 Jan 2026 07:59:59 GMT|false",
        "not a date|false"
      })
  void usesIfModifiedSinceAtSecondPrecision(String header, boolean expected) {
    assertThat(EntityTags.notModified("\"t\"", CHANGED, null, header)).isEqualTo(expected);
  }

  @Test
  void ifNoneMatchWinsOverIfModifiedSince() {
    assertThat(EntityTags.notModified("\"t\"", CHANGED, "\"u\"", "Sat, 31 Jan 2026 09:00:00 GMT"))
        .isFalse();
  }

  @Test
  void tagChangesWithStampAndTarget() {
    TableStamp stamp = new TableStamp(CHANGED, 10, OLDEST);
    String tag = EntityTags.of(stamp, "/api/v1/items");
    assertThat(tag).matches("\"[A-Za-z0-9_-]{27}\"");
    assertThat(EntityTags.of(new TableStamp(CHANGED, 10, OLDEST), "/api/v1/items")).isEqualTo(tag);
    assertThat(EntityTags.of(new TableStamp(CHANGED, 9, OLDEST), "/api/v1/items"))
        .isNotEqualTo(tag);
    assertThat(EntityTags.of(new TableStamp(CHANGED.plusNanos(1000), 10, OLDEST), "/api/v1/items"))
        .isNotEqualTo(tag);
    assertThat(EntityTags.of(new TableStamp(CHANGED, 10, OLDEST.plusSeconds(1)), "/api/v1/items"))
        .isNotEqualTo(tag);
    assertThat(EntityTags.of(stamp, "/api/v1/items?limit=5")).isNotEqualTo(tag);
  }
}

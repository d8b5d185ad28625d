package io.cleanwire.publisher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cleanwire.publisher.persistence.SortKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursors round-trip exactly and anything altered is refused with a clear message. */
class CursorTest {

  static Stream<SortKey> keys() {
    return Stream.of(
        new SortKey(Instant.parse("2024-01-01T00:00:00Z"), "0d0f3c1f2c7b5e0b6d2a9e8f7c6b5a49"),
        new SortKey(Instant.parse("2024-01-01T00:00:00.123456Z"), "a"),
        new SortKey(Instant.parse("1969-12-31T23:59:59.999999Z"), "key-with-dash"),
        new SortKey(Instant.parse("2262-04-11T23:47:16.854775Z"), "x|y"));
  }

  @ParameterizedTest
  @MethodSource("keys")
  void decodesWhatItEncoded(SortKey key) {
    String cursor = Cursor.encode(key);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(cursor)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "AAAA", "djF8MXwyfGtleXwwMDAwMDAwMA", "%2F", "djE"})
  void refusesCursorsItDidNotWrite(String cursor) {
    assertThatThrownBy(() -> Cursor.decode(cursor))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("cursor is not valid");
  }

  @ParameterizedTest
  @MethodSource("keys")
  void refusesAnEditedCursor(SortKey key) {
    String text =
        new String(Base64.getUrlDecoder().decode(Cursor.encode(key)), StandardCharsets.UTF_8);
    String edited = text.replaceFirst("\\|(\\d)", "|9$1");
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(edited.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOf(InvalidQueryException.class);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void refusesATruncatedCursor(SortKey key) {
    String cursor = Cursor.encode(key);

    assertThatThrownBy(() -> Cursor.decode(cursor.substring(0, cursor.length() - 3)))
        .isInstanceOf(InvalidQueryException.class);
  }
}

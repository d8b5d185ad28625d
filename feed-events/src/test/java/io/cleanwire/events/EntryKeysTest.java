package io.cleanwire.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntryKeysTest {

  private static final String FEED = "https://example.org/feed.xml";

  @Test
  void sameFeedAndGuidGiveTheSameKeyEveryTime() {
    String key = EntryKeys.of(FEED, "urn:1", "https://example.org/a");
    assertThat(key).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(EntryKeys.of(FEED, "urn:1", "https://example.org/moved")).isEqualTo(key);
    assertThat(EntryKeys.of(" " + FEED + " ", " urn:1\n", null)).isEqualTo(key);
  }

  @Test
  void theSameGuidInAnotherFeedIsAnotherEntry() {
    assertThat(EntryKeys.of(FEED, "urn:1", null))
        .isNotEqualTo(EntryKeys.of("https://example.net/feed.xml", "urn:1", null));
  }

  @Test
  void usesTheLinkWhenThereIsNoGuid() {
    String byLink = EntryKeys.of(FEED, null, "https://example.org/a");
    assertThat(EntryKeys.of(FEED, "  ", "https://example.org/a")).isEqualTo(byLink);
    assertThat(EntryKeys.of(FEED, null, "https://example.org/b")).isNotEqualTo(byLink);
    // a guid that happens to equal a link is still a different identity
    assertThat(EntryKeys.of(FEED, "https://example.org/a", null)).isNotEqualTo(byLink);
  }

  @Test
  void refusesAnEntryWithoutIdentity() {
    assertThatThrownBy(() -> EntryKeys.of(FEED, null, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FEED);
    assertThatThrownBy(() -> EntryKeys.of("", "urn:1", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isTheDocumentedHash() {
    assertThat(EntryKeys.of(FEED, "urn:1", null))
        .isEqualTo(EntryKeys.sha256Hex(FEED + "\nguid:urn:1").substring(0, 32));
  }
}

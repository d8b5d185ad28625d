package io.cleanwire.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cleanwire.events.kafka.EntryFetchedEventDeserializer;
import io.cleanwire.events.kafka.EntryNormalizedEventDeserializer;
import io.cleanwire.events.kafka.EventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFixturesTest {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = EventFixturesTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "entry-fetched.v1.json, io.cleanwire.events.EntryFetchedEvent",
    "entry-fetched-with-language.v1.json, io.cleanwire.events.EntryFetchedEvent",
    "entry-normalized.v1.json, io.cleanwire.events.EntryNormalizedEvent"
  })
  void everyFixtureFieldSurvivesARoundTrip(String name, Class<?> type) throws IOException {
    byte[] json = fixture(name);
    Object event = EventJson.read(json, type);
    JsonNode written = EventJson.mapper().readTree(EventJson.write(event));
    assertThat(written).isEqualTo(EventJson.mapper().readTree(json));
  }

  @Test
  void fixtureFieldsMapToTheRightComponents() throws IOException {
    EntryNormalizedEvent event =
        EventJson.read(fixture("entry-normalized.v1.json"), EntryNormalizedEvent.class);
    assertThat(event.matchedBy()).isEqualTo(MatchedBy.URL);
    assertThat(event.publishedAt()).isEqualTo(Instant.parse("2022-01-05T22:41:00Z"));
    assertThat(event.feed().detectedCharset()).isEqualTo("UTF-8");
    assertThat(event.enclosures())
        .containsExactly(new Enclosure("https://media.example/psaki.mp3", "audio/mpeg", 1048576L));
    assertThat(event.repairs())
        .extracting(Repair::kind)
        .containsExactly("sanitized", "tracking-parameters");
  }

  @Test
  void ignoresFieldsAddedByANewerProducer() throws IOException {
    ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(fixture("entry-fetched.v1.json"));
    tree.put("someFutureField", 42);
    EntryFetchedEvent event =
        EventJson.read(EventJson.mapper().writeValueAsBytes(tree), EntryFetchedEvent.class);
    assertThat(event.title()).startsWith("Jen Psaki");
  }

  @Test
  void anEntryCarriesItsOwnLanguageBesideTheFeeds() throws IOException {
    EntryFetchedEvent event =
        EventJson.read(fixture("entry-fetched-with-language.v1.json"), EntryFetchedEvent.class);
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.feed().declaredLanguage()).isEqualTo("en-us");
    // events written before the field existed read as "no language of its own"
    ObjectNode old = (ObjectNode) EventJson.mapper().readTree(fixture("entry-fetched.v1.json"));
    old.remove("language");
    assertThat(
            EventJson.read(EventJson.mapper().writeValueAsBytes(old), EntryFetchedEvent.class)
                .language())
        .isNull();
  }

  @Test
  void missingListsReadAsEmpty() {
    EntryFetchedEvent event =
        EventJson.read(
            "{\"entryKey\":\"k\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8),
            EntryFetchedEvent.class);
    assertThat(event.authors()).isEmpty();
    assertThat(event.categories()).isEmpty();
    assertThat(event.enclosures()).isEmpty();
  }

  @Test
  void kafkaSerdesRoundTripAndNameTheTopicOnGarbage() throws IOException {
    byte[] json = fixture("entry-fetched.v1.json");
    EntryFetchedEvent event = EventJson.read(json, EntryFetchedEvent.class);
    try (var serializer = new EventSerializer();
        var fetched = new EntryFetchedEventDeserializer();
        var normalized = new EntryNormalizedEventDeserializer()) {
      byte[] bytes = serializer.serialize(Topics.ENTRY_FETCHED, event);
      assertThat(fetched.deserialize(Topics.ENTRY_FETCHED, bytes)).isEqualTo(event);
      assertThatThrownBy(
              () ->
                  normalized.deserialize(
                      Topics.ENTRY_NORMALIZED, "{not json".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("topic=" + Topics.ENTRY_NORMALIZED)
          .hasMessageContaining("EntryNormalizedEvent");
    }
  }

  @Test
  void topicNamesCarryTheirVersion() {
    assertThat(Topics.ENTRY_FETCHED).isEqualTo("cleanwire.entry.fetched.v1");
    assertThat(Topics.ENTRY_FETCHED_DLQ).isEqualTo("cleanwire.entry.fetched.v1.dlq");
    assertThat(Topics.ENTRY_NORMALIZED).isEqualTo("cleanwire.entry.normalized.v1");
    assertThat(Topics.ENTRY_NORMALIZED_DLQ).isEqualTo("cleanwire.entry.normalized.v1.dlq");
  }
}

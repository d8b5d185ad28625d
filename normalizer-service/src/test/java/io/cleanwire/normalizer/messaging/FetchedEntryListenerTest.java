package io.cleanwire.normalizer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.ComponentProfile;
import io.cleanwire.normalizer.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ComponentProfile.class)
class FetchedEntryListenerTest {

  @Inject @Any InMemoryConnector connector;

  /** Batches, as the Kafka connector delivers one poll with {@code batch=true}. */
  private InMemorySource<List<EntryFetchedEvent>> in;

  private InMemorySink<EntryNormalizedEvent> out;
  private InMemorySink<byte[]> dead;

  @BeforeEach
  void channels() {
    in = connector.source("fetched-entries");
    out = connector.sink("normalized-entries");
    dead = connector.sink("dead-letters");
    out.clear();
    dead.clear();
  }

  /** InMemorySource.send takes a payload or a Message; the raw type lets a Message through. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void sendMessage(Message<List<EntryFetchedEvent>> message) {
    ((InMemorySource) in).send(message);
  }

  private EntryNormalizedEvent roundTrip(EntryFetchedEvent event) {
    int before = out.received().size();
    in.send(List.of(event));
    // the first short text of a language loads its accurate models (seconds on a loaded machine)
    await().atMost(Duration.ofSeconds(60)).until(() -> out.received().size() > before);
    Message<EntryNormalizedEvent> message = out.received().get(before);
    assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class))
        .hasValueSatisfying(m -> assertThat(m.getKey()).isEqualTo(event.entryKey()));
    return message.getPayload();
  }

  @Test
  void publishesACleanedSanitizedEntryKeyedByEntryKey() {
    String id = Events.unique();
    EntryFetchedEvent fetched =
        Events.fetched(
            "https://aggregator.example/" + id + ".xml",
            "urn:" + id,
            "https://NYPost.example/2022/01/05/psaki-"
                + id
                + "/?utm_source=rss&utm_medium=feed#top",
            "Jen Psaki &amp; the <b>crazy</b> claims\u200B",
            "<p onclick=\"x()\">Body "
                + id
                + " <a href=\"/rel\">link</a></p><script>alert(1)</script>");

    EntryNormalizedEvent n = roundTrip(fetched);

    assertThat(n.entryKey()).isEqualTo(fetched.entryKey());
    assertThat(n.title()).isEqualTo("Jen Psaki & the crazy claims");
    // The summary was only the aggregator's "shared this story" wrapper: boilerplate, removed.
    assertThat(n.summary()).isNull();
    assertThat(n.contentHtml())
        .doesNotContain("<script", "onclick")
        .contains("href=\"https://NYPost.example/rel\"", "rel=\"noopener noreferrer\"");
    assertThat(n.canonicalUrl()).isEqualTo("https://nypost.example/2022/01/05/psaki-" + id + "/");
    assertThat(n.language()).isEqualTo("en");
    assertThat(n.languageConfidence()).isGreaterThan(0.5); // read from the text, not declared
    assertThat(n.categories()).containsExactly("World", "Kazakhstan");
    assertThat(n.fingerprints().exact()).matches("[0-9a-f]{32}");
    assertThat(n.fingerprints().near()).isNull();
    assertThat(n.storyId()).isEqualTo(fetched.entryKey());
    assertThat(n.duplicateOf()).isNull();
    assertThat(n.matchedBy()).isNull();
    assertThat(n.similarity()).isNull();
    assertThat(n.repairs())
        .extracting(Repair::field, Repair::kind)
        .contains(
            org.assertj.core.groups.Tuple.tuple("title", "html-to-text"),
            org.assertj.core.groups.Tuple.tuple("title", "html-entities"),
            org.assertj.core.groups.Tuple.tuple("title", "invisible-controls"),
            org.assertj.core.groups.Tuple.tuple("summary", "html-to-text"),
            org.assertj.core.groups.Tuple.tuple("contentHtml", "sanitized"),
            org.assertj.core.groups.Tuple.tuple("categories", "whitespace"),
            org.assertj.core.groups.Tuple.tuple("link", "tracking-parameters"),
            org.assertj.core.groups.Tuple.tuple("link", "url-normalized"));
  }

  @Test
  void aRedeliveredEntryGetsTheSameStoryDecision() {
    String id = Events.unique();
    String link = "https://news.example/story-" + id;
    EntryNormalizedEvent first = roundTrip(Events.fetched("https://a.example/" + id, "g1", link));
    EntryNormalizedEvent duplicate =
        roundTrip(Events.fetched("https://b.example/" + id, "g2", link + "?fbclid=1"));

    EntryNormalizedEvent firstAgain =
        roundTrip(Events.fetched("https://a.example/" + id, "g1", link));
    EntryNormalizedEvent duplicateAgain =
        roundTrip(Events.fetched("https://b.example/" + id, "g2", link + "?fbclid=1"));

    assertThat(
            List.of(
                firstAgain.storyId(),
                String.valueOf(firstAgain.duplicateOf()),
                String.valueOf(firstAgain.matchedBy())))
        .containsExactly(
            first.storyId(),
            String.valueOf(first.duplicateOf()),
            String.valueOf(first.matchedBy()));
    assertThat(duplicateAgain.storyId()).isEqualTo(duplicate.storyId());
    assertThat(duplicateAgain.duplicateOf()).isEqualTo(duplicate.duplicateOf());
    assertThat(duplicateAgain.matchedBy()).isEqualTo(duplicate.matchedBy());
  }

  @Test
  void theSameCanonicalUrlInAnotherFeedJoinsTheFirstStory() {
    String id = Events.unique();
    EntryNormalizedEvent first =
        roundTrip(
            Events.fetched(
                "https://a.example/" + id, "a", "https://news.example/s-" + id + "?utm_source=a"));
    EntryNormalizedEvent second =
        roundTrip(
            Events.fetched(
                "https://b.example/" + id, "b", "HTTPS://NEWS.example:443/s-" + id + "#x"));

    assertThat(first.storyId()).isEqualTo(first.entryKey());
    assertThat(second.matchedBy()).isEqualTo(MatchedBy.URL);
    assertThat(second.similarity()).isEqualTo(1.0);
    assertThat(second.duplicateOf()).isEqualTo(first.entryKey());
    assertThat(second.storyId()).isEqualTo(first.entryKey());
  }

  @Test
  void theSameLongContentUnderAnotherUrlJoinsByContent() {
    String id = Events.unique();
    String body = "<p>" + "Kazakhstan protests escalate across Almaty. ".repeat(8) + id + "</p>";
    EntryNormalizedEvent first =
        roundTrip(
            Events.fetched(
                "https://a.example/" + id, "a", "https://one.example/x-" + id, "Same title", body));
    EntryNormalizedEvent second =
        roundTrip(
            Events.fetched(
                "https://b.example/" + id,
                "b",
                "https://two.example/y-" + id,
                "SAME  title",
                body));

    assertThat(second.matchedBy()).isEqualTo(MatchedBy.CONTENT);
    assertThat(second.storyId()).isEqualTo(first.entryKey());
  }

  @Test
  void shortContentUnderAnotherUrlStartsItsOwnStory() {
    String id = Events.unique();
    EntryNormalizedEvent first =
        roundTrip(
            Events.fetched(
                "https://a.example/" + id,
                "a",
                "https://one.example/d-" + id,
                "Daily briefing",
                ""));
    EntryNormalizedEvent second =
        roundTrip(
            Events.fetched(
                "https://b.example/" + id,
                "b",
                "https://two.example/d-" + id,
                "Daily briefing",
                ""));
    assertThat(second.storyId()).isEqualTo(second.entryKey()).isNotEqualTo(first.storyId());
    assertThat(second.matchedBy()).isNull();
  }

  @Test
  void anEntryWithoutKeyIsRefusedAndTheNextOneStillFlows() {
    String id = Events.unique();
    EntryFetchedEvent good =
        Events.fetched("https://a.example/" + id, "ok", "https://news.example/ok-" + id);
    EntryFetchedEvent bad =
        new EntryFetchedEvent(
            null, null, null, null, null, null, "t", null, null, null, null, null, null, null,
            null);
    in.send(List.of(bad));
    EntryNormalizedEvent n = roundTrip(good);
    assertThat(n.entryKey()).isEqualTo(good.entryKey());
    assertThat(out.received()).extracting(m -> m.getPayload().entryKey()).doesNotContainNull();
  }

  @Test
  void aPoisonEntryInsideABatchIsDeadLetteredAloneAndTheOthersFlowInOrder() {
    String id = Events.unique();
    EntryFetchedEvent first =
        Events.fetched("https://a.example/" + id, "one", "https://news.example/one-" + id);
    EntryFetchedEvent poison =
        new EntryFetchedEvent(
            "poison-" + id,
            null,
            null,
            null,
            null,
            null,
            "t",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    EntryFetchedEvent copy =
        Events.fetched("https://b.example/" + id, "two", "https://news.example/one-" + id);
    int before = out.received().size();

    in.send(List.of(first, poison, copy));

    await().atMost(Duration.ofSeconds(60)).until(() -> out.received().size() >= before + 2);
    List<EntryNormalizedEvent> published =
        out.received().subList(before, before + 2).stream().map(Message::getPayload).toList();
    assertThat(published)
        .extracting(EntryNormalizedEvent::entryKey)
        .containsExactly(first.entryKey(), copy.entryKey());
    // decided together, in order: the copy joins the story of the entry before it in the batch
    assertThat(published.get(1).storyId()).isEqualTo(first.entryKey());
    assertThat(published.get(1).matchedBy()).isEqualTo(MatchedBy.URL);
    await().atMost(Duration.ofSeconds(10)).until(() -> dead.received().size() == 1);
    Message<byte[]> letter = dead.received().get(0);
    assertThat(new String(letter.getPayload(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("poison-" + id);
    OutgoingKafkaRecordMetadata<?> meta =
        letter.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    assertThat(
            new String(
                meta.getHeaders().lastHeader("dead-letter-reason").value(),
                java.nio.charset.StandardCharsets.UTF_8))
        .contains("no entryKey", "eventId=poison-" + id);
  }

  @Test
  void countsEntriesRepairsAndDuplicatesForPrometheus() {
    String id = Events.unique();
    String link = "https://news.example/metrics-" + id + "?utm_source=x";
    roundTrip(Events.fetched("https://a.example/" + id, "a", link));
    roundTrip(Events.fetched("https://b.example/" + id, "b", link));

    String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
    assertThat(metrics)
        .contains("cleanwire_normalizer_entries_total")
        .containsPattern(
            "cleanwire_normalizer_repairs_total\\{field=\"link\",kind=\"tracking-parameters\"")
        .containsPattern("cleanwire_normalizer_duplicates_total\\{matched_by=\"url\"");
  }

  @Test
  void theFetchedRecordIsAckedOnlyAfterItsNormalizedRecordWasAckedDownstream() {
    String id = Events.unique();
    EntryFetchedEvent event =
        Events.fetched("https://a.example/" + id, "ack", "https://news.example/ack-" + id);
    java.util.concurrent.CompletableFuture<Boolean> outputSeenAtAck =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Throwable> nacked =
        new java.util.concurrent.CompletableFuture<>();
    sendMessage(
        Message.of(List.of(event))
            .withAck(
                () -> {
                  outputSeenAtAck.complete(
                      out.received().stream()
                          .anyMatch(m -> m.getPayload().entryKey().equals(event.entryKey())));
                  return java.util.concurrent.CompletableFuture.completedFuture(null);
                })
            .withNack(
                t -> {
                  nacked.complete(t);
                  return java.util.concurrent.CompletableFuture.completedFuture(null);
                }));
    assertThat(outputSeenAtAck).succeedsWithin(Duration.ofSeconds(60)).isEqualTo(true);
    assertThat(nacked).isNotDone();
  }

  @Test
  void aPoisonRecordIsDeadLetteredWithItsReasonAndItsBatchAcked() {
    java.util.concurrent.CompletableFuture<Void> acked =
        new java.util.concurrent.CompletableFuture<>();
    EntryFetchedEvent keyless =
        new EntryFetchedEvent(
            "poison", null, null, null, null, null, "t", null, null, null, null, null, null, null,
            null);
    sendMessage(
        Message.of(List.of(keyless))
            .withAck(
                () -> {
                  acked.complete(null);
                  return java.util.concurrent.CompletableFuture.completedFuture(null);
                }));
    assertThat(acked).succeedsWithin(Duration.ofSeconds(60));
    assertThat(dead.received()).hasSize(1);
    OutgoingKafkaRecordMetadata<?> meta =
        dead.received().get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    assertThat(
            new String(
                meta.getHeaders().lastHeader("dead-letter-exception-class-name").value(),
                java.nio.charset.StandardCharsets.UTF_8))
        .endsWith("InvalidEntryException");
  }
}

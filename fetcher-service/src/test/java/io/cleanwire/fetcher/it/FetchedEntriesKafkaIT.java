package io.cleanwire.fetcher.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.events.Topics;
import io.cleanwire.kafka.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaProfile.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true)
class FetchedEntriesKafkaIT {

  static final String TOKEN = "test-admin-token";
  static FeedServer server;

  @Inject KafkaClientService kafka;

  @BeforeAll
  static void startServer() {
    server = FeedServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void publishesEachEntryToTheFetchedTopicKeyedByEntryKey() {
    server.put("/kafka.xml", "application/rss+xml", rss("guid-1", "guid-2", "guid-3"));
    String feedUrl = server.url("/kafka.xml");
    long id = subscribe(feedUrl);

    JsonPath outcome = poll(id);

    assertThat(outcome.getString("status")).isEqualTo("OK");
    assertThat(outcome.getInt("entriesPublished")).isEqualTo(3);
    List<ConsumerRecord<String, EntryFetchedEvent>> records =
        TopicReader.read(Topics.ENTRY_FETCHED, r -> feedUrl.equals(r.value().feed().url()), 3);
    assertThat(records).hasSize(3);
    for (ConsumerRecord<String, EntryFetchedEvent> record : records) {
      EntryFetchedEvent event = record.value();
      assertThat(record.key())
          .isEqualTo(event.entryKey())
          .isEqualTo(EntryKeys.of(feedUrl, event.guid(), event.link()));
    }
    assertThat(records)
        .extracting(r -> r.value().guid())
        .containsExactlyInAnyOrder("guid-1", "guid-2", "guid-3");

    JsonPath again = poll(id);
    assertThat(again.getString("status")).isEqualTo("NOT_MODIFIED");
  }

  @Test
  void producesWithAcksAllAndIdempotence() {
    Map<String, ?> config = kafka.getProducer("fetched-entries").configuration();

    assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
    assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
        .isEqualTo("true");
  }

  static byte[] rss(String... guids) {
    StringBuilder items = new StringBuilder();
    for (String guid : guids) {
      items
          .append("<item><guid>")
          .append(guid)
          .append("</guid><link>https://site.example/")
          .append(guid)
          .append("</link><title>Title ")
          .append(guid)
          .append("</title></item>");
    }
    return ("<rss version=\"2.0\"><channel><title>it</title><link>https://site.example/</link>"
            + "<description>d</description>"
            + items
            + "</channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }

  static long subscribe(String url) {
    return given()
        .auth()
        .oauth2(TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("url", url))
        .post("/api/v1/feeds")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static JsonPath poll(long id) {
    return given()
        .auth()
        .oauth2(TOKEN)
        .post("/api/v1/feeds/" + id + "/poll")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath feed(long id) {
    return given().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
  }
}

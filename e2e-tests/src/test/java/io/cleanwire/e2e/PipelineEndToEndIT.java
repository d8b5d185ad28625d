package io.cleanwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.cleanwire.demo.DemoFeeds;
import io.cleanwire.demo.FeedServer;
import io.cleanwire.events.Topics;
import io.cleanwire.kafka.LocalKafkaBroker;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.xml.sax.InputSource;

/**
 * The whole pipeline as a user runs it: a real Kafka broker, a real HTTP feed server with the
 * bundled sample feeds, and the three packaged services as separate processes. Everything is
 * asserted through the services' public APIs.
 *
 * <p>The steps build on each other (subscribe, then poll, then re-poll), so they run in order
 * inside this one class; no other test class depends on them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

  private static final String TOKEN = "e2e-" + UUID.randomUUID();
  private static final int SAMPLE_ENTRIES = 12;
  private static final Duration PIPELINE = Duration.ofSeconds(90);

  private final Http http = new Http();
  private final Map<String, String> admin = Map.of("Authorization", "Bearer " + TOKEN);
  private LocalKafkaBroker broker;
  private FeedServer feeds;
  private ServiceProcess fetcher;
  private ServiceProcess normalizer;
  private ServiceProcess publisher;
  private long startedAt;

  @BeforeAll
  void startTheStack() {
    Path root = Path.of(System.getProperty("cleanwire.root", "..")).toAbsolutePath().normalize();
    Path work =
        Path.of(System.getProperty("cleanwire.e2e.work", "target/e2e"))
            .resolve("run-" + System.currentTimeMillis());
    broker = LocalKafkaBroker.shared();
    feeds = DemoFeeds.serve(FeedServer.start(0));
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("CLEANWIRE_ADMIN_TOKEN", TOKEN);
    env.put("CLEANWIRE_FETCHER_ALLOW_PRIVATE_ADDRESSES", "true");
    env.put("CLEANWIRE_FETCHER_POLL_INTERVAL", "PT1H");
    startedAt = System.nanoTime();
    publisher = ServiceProcess.start("publisher-service", root, work.resolve("publisher"), env);
    normalizer = ServiceProcess.start("normalizer-service", root, work.resolve("normalizer"), env);
    fetcher = ServiceProcess.start("fetcher-service", root, work.resolve("fetcher"), env);
    for (ServiceProcess service : List.of(publisher, normalizer, fetcher)) {
      service.awaitReady(Duration.ofSeconds(120));
    }
    System.out.printf(
        "E2E figure: three services ready after %d ms%n",
        (System.nanoTime() - startedAt) / 1_000_000);
  }

  @AfterAll
  void stopTheStack() {
    for (ServiceProcess service : new ServiceProcess[] {fetcher, normalizer, publisher}) {
      if (service != null) {
        System.out.printf(
            "E2E figure: %s resident memory %d MiB%n", service, service.residentMib());
        long begin = System.nanoTime();
        int exit = service.stop();
        System.out.printf(
            "E2E figure: %s stopped with exit code %d in %d ms%n",
            service, exit, (System.nanoTime() - begin) / 1_000_000);
      }
    }
    if (feeds != null) {
      feeds.close();
    }
  }

  @Test
  @Order(1)
  void writesNeedTheAdminToken() {
    HttpResponse<String> anonymous =
        http.send(
            "POST",
            fetcher.url("/api/v1/feeds"),
            Map.of("Content-Type", "application/json"),
            "{\"url\":\"" + feeds.url("/feeds/tech.xml") + "\"}");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(http.getJson(fetcher.url("/api/v1/feeds"))).isEmpty();
  }

  @Test
  @Order(2)
  void importedFeedsArriveCleanedSanitizedAndDeduplicated() {
    String opml = http.get(feeds.url(DemoFeeds.OPML_PATH), Map.of()).body();
    HttpResponse<String> imported =
        http.send(
            "POST",
            fetcher.url("/api/v1/feeds/import"),
            merge(admin, Map.of("Content-Type", "text/x-opml")),
            opml);
    assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
    JsonNode subscribed = http.getJson(fetcher.url("/api/v1/feeds"));
    assertThat(subscribed).hasSize(DemoFeeds.PATHS.size());

    pollEveryFeed();

    List<JsonNode> items = awaitItems(SAMPLE_ENTRIES);
    System.out.printf(
        "E2E figure: first poll to %d items served in %d ms after start%n",
        items.size(), (System.nanoTime() - startedAt) / 1_000_000);

    // cleaned: entities decoded once, plain-text titles
    assertThat(items)
        .extracting(item -> item.path("title").asText())
        .contains("Kazakh leader on protest ‘militants’, thanks Putin & the CSTO")
        .contains("Opinion: Kazakhstan unrest will curtail Moscow′s aggression | Opinion | DW")
        .allSatisfy(title -> assertThat(title).doesNotContain("<", "&amp;").isNotBlank());
    // sanitized: nothing executable survives in any item
    for (JsonNode item : items) {
      String html = item.path("contentHtml").asText("");
      assertThat(html.toLowerCase())
          .as("contentHtml of %s", item.path("entryKey").asText())
          .doesNotContain(
              "<script",
              "javascript:",
              "onclick",
              "onload",
              "onerror",
              "<iframe",
              "<form",
              "<style");
    }
    JsonNode naive = byTitle(items, "Naïve & correct: why “smart quotes” break parsers");
    assertThat(naive.path("contentHtml").asText())
        .contains("naïve café São Paulo")
        .contains("https://cafe-tech.example/posts/unicode");
    assertThat(naive.path("language").asText()).isEqualTo("en");
    assertThat(naive.path("canonicalUrl").asText())
        .isEqualTo("https://cafe-tech.example/posts/smart-quotes");

    // deduplicated: the New York Post story came through two feeds, one story
    JsonNode aggregatorCopy =
        byTitle(items, "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest");
    JsonNode worldCopy = byTitle(items, "Psaki: claims US behind Kazakhstan unrest are “crazy”");
    assertThat(worldCopy.path("storyId").asText())
        .isEqualTo(aggregatorCopy.path("storyId").asText());
    assertThat(List.of(aggregatorCopy, worldCopy))
        .anySatisfy(copy -> assertThat(copy.path("matchedBy").asText()).isEqualTo("url"));

    // collapsed by default: one item per story, the other copy listed in alsoIn
    List<JsonNode> collapsed = allItems("");
    assertThat(collapsed).hasSizeLessThan(items.size());
    JsonNode story =
        collapsed.stream()
            .filter(
                item ->
                    item.path("storyId").asText().equals(aggregatorCopy.path("storyId").asText()))
            .reduce(
                (a, b) -> {
                  throw new AssertionError("story listed twice when collapsed: " + a + b);
                })
            .orElseThrow();
    assertThat(story.path("alsoIn")).hasSize(1);
  }

  @Test
  @Order(3)
  void everyDefectOfTheAggregatorPageArrivesRepaired() {
    List<JsonNode> items = allItems("?collapse=false");
    JsonNode psaki =
        byTitle(items, "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest");
    String psakiText = psaki.path("contentHtml").asText();
    // UTF-8 bytes printed as hex escapes with the backslashes stripped
    assertThat(psakiText)
        .contains("“crazy Russian claims.”")
        .contains("“We’re monitoring reports of protests in Kazakhstan.")
        .doesNotContain("xe2x80", "xc2xa0");
    // the aggregator's re-share wrapper
    assertThat(psakiText + psaki.path("summary").asText()).doesNotContain("shared this story");
    assertThat(psaki.path("repairs").toString()).contains("contentHtml");

    JsonNode dw =
        byTitle(
            items, "Opinion: Kazakhstan unrest will curtail Moscow′s aggression | Opinion | DW");
    String dwText = dw.path("contentHtml").asText();
    assertThat(dw.path("authors").toString()).contains("Philipp Böll");
    // video-player text and repeated gallery captions
    assertThat(dwText)
        .doesNotContain(
            "0 seconds of 0 seconds", "Volume 90%", "Press shift question mark", "Increase Volume")
        .contains("Russia’s large Central Asian neighbor");
    assertThat(dwText.split("In pictures: Kazakhstan protests escalate", -1).length - 1)
        .isLessThanOrEqualTo(1);

    // "The post … first appeared on …" trailers, in English and in Russian entries
    JsonNode rferl =
        byTitle(
            items, "EU Leadership Says ‘No Solution’ To Russia-Ukraine Tensions ‘Without Europe’");
    JsonNode novosti =
        byTitle(items, "Появились подробности задержания одного из лидеров протеста в Казахстане");
    for (JsonNode item : List.of(rferl, novosti)) {
      assertThat(item.path("summary").asText() + item.path("contentHtml").asText())
          .doesNotContain("first appeared on");
    }
    assertThat(novosti.path("summary").asText()).contains("Арман «Дикий»");
  }

  @Test
  @Order(3)
  void rssOutputIsWellFormedAndAnswersConditionalRequests() throws Exception {
    HttpResponse<String> rss = http.get(publisher.url("/feeds/rss"), Map.of());
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type").orElse("")).contains("xml");
    DocumentBuilderFactory strict = DocumentBuilderFactory.newInstance();
    strict.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    strict.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    strict.newDocumentBuilder().parse(new InputSource(new StringReader(rss.body())));

    SyndFeed parsed =
        new SyndFeedInput()
            .build(
                new InputSource(
                    new ByteArrayInputStream(rss.body().getBytes(StandardCharsets.UTF_8))));
    // one item per story: as many entries as collapsed items, each with its own guid
    List<String> guids = parsed.getEntries().stream().map(SyndEntry::getUri).toList();
    assertThat(guids).hasSize(allItems("").size()).doesNotHaveDuplicates();
    assertThat(parsed.getEntries())
        .extracting(SyndEntry::getTitle)
        .contains("Kazakh leader on protest ‘militants’, thanks Putin & the CSTO");

    String etag = rss.headers().firstValue("ETag").orElseThrow();
    assertThat(http.get(publisher.url("/feeds/rss"), Map.of("If-None-Match", etag)).statusCode())
        .isEqualTo(304);
  }

  @Test
  @Order(4)
  void pollingAgainLosesNothingAndDuplicatesNothing() {
    int before = allItems("?collapse=false").size();
    pollEveryFeed();
    // an edited feed: one new entry among the old ones
    String tech =
        http.get(feeds.url("/feeds/tech.xml"), Map.of())
            .body()
            .replaceFirst(
                "<item>",
                "<item><title>Hot fix 2.4.1</title><link>https://cafe-tech.example/posts/2-4-1</link>"
                    + "<guid>https://cafe-tech.example/posts/2-4-1</guid>"
                    + "<pubDate>Wed, 12 Jan 2022 08:00:00 +0100</pubDate>"
                    + "<description>Fixes a crash.</description></item><item>");
    feeds.put(
        "/feeds/tech.xml",
        "application/rss+xml; charset=utf-8",
        tech.getBytes(StandardCharsets.UTF_8));
    pollEveryFeed();

    List<JsonNode> items = awaitItems(before + 1);
    assertThat(items).hasSize(before + 1);
    assertThat(items).extracting(item -> item.path("entryKey").asText()).doesNotHaveDuplicates();
    assertThat(items).extracting(item -> item.path("title").asText()).contains("Hot fix 2.4.1");
  }

  @Test
  @Order(5)
  void aRedeliveredEventChangesNothingUsersSee() {
    List<ConsumerRecord<String, byte[]>> fetched =
        readAll(Topics.ENTRY_FETCHED, SAMPLE_ENTRIES + 1);
    ConsumerRecord<String, byte[]> first = fetched.get(0);
    JsonNode before = http.getJson(publisher.url("/api/v1/items/" + first.key()));
    int normalizedBefore = countKey(Topics.ENTRY_NORMALIZED, first.key());

    // at-least-once delivery means the same event can come again: send it twice more
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "acks", "all",
                "enable.idempotence", "true",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()))) {
      producer.send(new ProducerRecord<>(Topics.ENTRY_FETCHED, first.key(), first.value()));
      producer.send(new ProducerRecord<>(Topics.ENTRY_FETCHED, first.key(), first.value()));
      producer.flush();
    }
    await()
        .atMost(PIPELINE)
        .until(() -> countKey(Topics.ENTRY_NORMALIZED, first.key()) >= normalizedBefore + 2);
    // the publisher has committed its offsets past every normalized record: it has stored them
    await().atMost(PIPELINE).until(() -> caughtUp("cleanwire-publisher", Topics.ENTRY_NORMALIZED));

    JsonNode after = http.getJson(publisher.url("/api/v1/items/" + first.key()));
    assertThat(after.path("storyId")).isEqualTo(before.path("storyId"));
    assertThat(after.path("title")).isEqualTo(before.path("title"));
    assertThat(after.path("contentHtml")).isEqualTo(before.path("contentHtml"));
    assertThat(allItems("?collapse=false"))
        .extracting(item -> item.path("entryKey").asText())
        .doesNotHaveDuplicates()
        .hasSize(SAMPLE_ENTRIES + 1);
  }

  @Test
  @Order(6)
  void theServicesStayUpAndHealthy() {
    for (ServiceProcess service : List.of(fetcher, normalizer, publisher)) {
      assertThat(service.isAlive()).as(service.toString()).isTrue();
      assertThat(http.get(service.url("/q/health/live"), Map.of()).statusCode()).isEqualTo(200);
      assertThat(http.get(service.url("/q/metrics"), Map.of()).body()).contains("jvm_");
    }
  }

  private void pollEveryFeed() {
    for (JsonNode feed : http.getJson(fetcher.url("/api/v1/feeds"))) {
      HttpResponse<String> polled =
          http.send(
              "POST",
              fetcher.url("/api/v1/feeds/" + feed.path("id").asText() + "/poll"),
              admin,
              null);
      assertThat(polled.statusCode())
          .as("poll %s: %s", feed.path("url"), polled.body())
          .isBetween(200, 202);
    }
  }

  private List<JsonNode> awaitItems(int expected) {
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> allItems("?collapse=false").size() >= expected);
    return allItems("?collapse=false");
  }

  /** Follows nextCursor through every page, as an API client would. */
  private List<JsonNode> allItems(String query) {
    List<JsonNode> items = new ArrayList<>();
    String base =
        publisher.url("/api/v1/items") + (query.isEmpty() ? "?" : query + "&") + "limit=5";
    String url = base;
    for (int page = 0; page < 100; page++) {
      JsonNode answer = http.getJson(url);
      answer.path("items").forEach(items::add);
      JsonNode next = answer.path("nextCursor");
      if (next.isNull() || next.isMissingNode() || next.asText().isEmpty()) {
        return items;
      }
      url = base + "&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
    }
    throw new AssertionError("paging did not end after 100 pages");
  }

  private static JsonNode byTitle(List<JsonNode> items, String title) {
    return items.stream()
        .filter(item -> item.path("title").asText().equals(title))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no item titled "
                        + title
                        + " in "
                        + items.stream().map(i -> i.path("title").asText()).toList()));
  }

  private int countKey(String topic, String key) {
    return (int) readAll(topic, 0).stream().filter(r -> key.equals(r.key())).count();
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, byte[]>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "group.id",
                "e2e-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                "false",
                "key.deserializer",
                StringDeserializer.class.getName(),
                "value.deserializer",
                ByteArrayDeserializer.class.getName()))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      int emptyPolls = 0;
      while (System.nanoTime() < deadline && (records.size() < atLeast || emptyPolls < 3)) {
        var batch = consumer.poll(Duration.ofMillis(500));
        emptyPolls = batch.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
        StreamSupport.stream(batch.spliterator(), false).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * True when {@code group} has committed offsets at the end of every partition of {@code topic}.
   */
  private boolean caughtUp(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      var partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(
          p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream()
          .allMatch(
              end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done == null ? 0 : done.offset();
                return position >= end.getValue().offset();
              });
    }
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    Map<String, String> merged = new HashMap<>(a);
    merged.putAll(b);
    return merged;
  }
}

package io.cleanwire.normalizer.messaging;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fetched-entries} in batches (one Kafka poll, up to {@code max.poll.records}),
 * normalizes them, records their story decisions in one database transaction, and produces one
 * record per entry on {@code normalized-entries}, keyed by entryKey.
 *
 * <p>Acknowledgement: the batch is acked — its offsets committed — only after the broker
 * acknowledged ({@code acks=all}) every record produced for it: the normalized entries and the dead
 * letters. A crash before that redelivers the batch, and the stored decisions replay.
 *
 * <p>One bad entry never holds the others back: an entry that cannot be normalized (no entryKey, an
 * undeserializable record, hostile text that breaks a step) goes alone to {@code
 * cleanwire.entry.fetched.v1.dlq} with {@code dead-letter-reason} and friends in its headers, and
 * the rest of the batch flows. A database failure of the decision step is retried for the whole
 * batch; if it persists the batch is split in halves until the entry that fails alone is found and
 * dead-lettered.
 */
@ApplicationScoped
public class FetchedEntryListener {

  private static final Logger LOG = Logger.getLogger(FetchedEntryListener.class);
  private static final int ATTEMPTS = 3;

  private final EntryNormalizer normalizer;
  private final NormalizerMetrics metrics;
  private final Emitter<EntryNormalizedEvent> normalized;
  private final Emitter<byte[]> deadLetters;

  public FetchedEntryListener(
      EntryNormalizer normalizer,
      NormalizerMetrics metrics,
      @Channel("normalized-entries")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          Emitter<EntryNormalizedEvent> normalized,
      @Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          Emitter<byte[]> deadLetters) {
    this.normalizer = normalizer;
    this.metrics = metrics;
    this.normalized = normalized;
    this.deadLetters = deadLetters;
  }

  @Incoming("fetched-entries")
  @Blocking
  public CompletionStage<Void> normalize(Message<List<EntryFetchedEvent>> batch) {
    List<EntryFetchedEvent> events = batch.getPayload();
    List<Source> sources = sources(batch, events.size());
    List<EntryNormalizer.Outcome> outcomes = normalizeIsolating(events);
    List<CompletableFuture<Void>> sent = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      EntryNormalizer.Outcome outcome = outcomes.get(i);
      if (outcome.normalized() != null) {
        sent.add(publish(outcome.normalized()));
      } else {
        sent.add(deadLetter(events.get(i), sources.get(i), outcome.failure()));
      }
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .handle((ok, failure) -> failure == null ? batch.ack() : batch.nack(unwrap(failure)))
        .thenCompose(stage -> stage);
  }

  /**
   * Normalizes the batch; when its decision step keeps failing, halves it until the entries that
   * fail alone are found, so that they are dead-lettered and every other entry still flows.
   */
  private List<EntryNormalizer.Outcome> normalizeIsolating(List<EntryFetchedEvent> events) {
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return normalizer.normalizeAll(events);
      } catch (RuntimeException e) {
        failure = e;
        LOG.warnf(
            "retrying batch of %d attempt=%d reason=%s", events.size(), attempt, e.getMessage());
        pause(attempt);
      }
    }
    if (databaseUnreachable(failure)) {
      // an outage, not a bad entry: wait for the database rather than dead-letter the batch
      LOG.errorf(
          "database unreachable, batch of %d waits: %s", events.size(), failure.getMessage());
      pause(ATTEMPTS + 1);
      return normalizeIsolating(events);
    }
    if (events.size() == 1) {
      List<EntryNormalizer.Outcome> one = new ArrayList<>(1);
      one.add(new EntryNormalizer.Outcome(null, failure));
      return one;
    }
    int half = events.size() / 2;
    List<EntryNormalizer.Outcome> out =
        new ArrayList<>(normalizeIsolating(events.subList(0, half)));
    out.addAll(normalizeIsolating(events.subList(half, events.size())));
    return out;
  }

  /**
   * Whether {@code e} says the database cannot be reached (connection refused, lost, shut down).
   */
  static boolean databaseUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(250L * attempt * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", interrupted);
    }
  }

  private CompletableFuture<Void> publish(EntryNormalizedEvent event) {
    metrics.normalized(event);
    LOG.debugf(
        "normalized entryKey=%s storyId=%s matchedBy=%s repairs=%d",
        event.entryKey(), event.storyId(), event.matchedBy(), event.repairs().size());
    CompletableFuture<Void> done = new CompletableFuture<>();
    normalized.send(
        Message.of(event)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.entryKey()).build())
            .withAck(
                () -> {
                  done.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                t -> {
                  done.completeExceptionally(t);
                  return CompletableFuture.completedFuture(null);
                }));
    return done;
  }

  /** Where a record came from: its key, coordinates and headers, when it came from Kafka. */
  private record Source(String key, String topic, int partition, long offset, Headers headers) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Source> sources(Message<List<EntryFetchedEvent>> batch, int size) {
    List<Source> out = new ArrayList<>(size);
    Optional<IncomingKafkaRecordBatchMetadata> meta =
        batch.getMetadata(IncomingKafkaRecordBatchMetadata.class);
    List<Message<?>> records =
        meta.map(m -> (List<Message<?>>) m.getBatchedMessages()).orElse(null);
    for (int i = 0; i < size; i++) {
      Optional<IncomingKafkaRecordMetadata> r =
          records == null || i >= records.size()
              ? Optional.empty()
              : records.get(i).getMetadata(IncomingKafkaRecordMetadata.class);
      out.add(
          r.map(
                  m ->
                      new Source(
                          m.getKey() == null ? null : m.getKey().toString(),
                          m.getTopic(),
                          m.getPartition(),
                          m.getOffset(),
                          m.getHeaders()))
              .orElse(null));
    }
    return out;
  }

  /**
   * Sends the entry to the dead-letter topic with its original key, value and headers, and why: the
   * value is the record's bytes as received (for a record that could not be read) or the event as
   * JSON.
   */
  private CompletableFuture<Void> deadLetter(
      EntryFetchedEvent event, Source source, RuntimeException reason) {
    String key =
        source != null && source.key() != null
            ? source.key()
            : event == null ? null : event.entryKey();
    String cause = reason.getMessage();
    byte[] value = null;
    RecordHeaders headers = new RecordHeaders();
    if (source != null && source.headers() != null) {
      for (Header h : source.headers()) {
        headers.add(h);
      }
    }
    if (event == null) {
      Header failed =
          source == null || source.headers() == null
              ? null
              : source.headers().lastHeader("deserialization-failure-reason");
      cause =
          "not an EntryFetchedEvent: "
              + (failed == null
                  ? "empty record"
                  : new String(failed.value(), StandardCharsets.UTF_8));
      Header data =
          source == null || source.headers() == null
              ? null
              : source.headers().lastHeader("deserialization-failure-data");
      value = data == null ? null : data.value();
      metrics.deadLettered("deserialization");
    } else {
      value = EventJson.write(event);
      metrics.deadLettered(reason.getClass().getSimpleName());
    }
    LOG.warnf("dead-letter key=%s reason=%s", key, cause);
    headers.remove("deserialization-failure-dlq");
    headers.add("dead-letter-reason", bytes(cause));
    headers.add("dead-letter-exception-class-name", bytes(reason.getClass().getName()));
    if (reason.getCause() != null) {
      headers.add("dead-letter-cause-class-name", bytes(reason.getCause().getClass().getName()));
      headers.add("dead-letter-cause", bytes(String.valueOf(reason.getCause().getMessage())));
    }
    if (source != null) {
      headers.add("dead-letter-topic", bytes(source.topic()));
      headers.add("dead-letter-partition", bytes(Integer.toString(source.partition())));
      headers.add("dead-letter-offset", bytes(Long.toString(source.offset())));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    deadLetters.send(
        Message.of(value == null ? new byte[0] : value)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key)
                    .withHeaders(headers)
                    .build())
            .withAck(
                () -> {
                  done.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                t -> {
                  done.completeExceptionally(t);
                  return CompletableFuture.completedFuture(null);
                }));
    return done;
  }

  private static byte[] bytes(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }
}

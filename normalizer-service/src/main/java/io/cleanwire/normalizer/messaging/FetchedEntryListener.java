package io.cleanwire.normalizer.messaging;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.pipeline.InvalidEntryException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fetched-entries}, normalizes each entry and produces it on {@code
 * normalized-entries}, keyed by entryKey.
 *
 * <p>Acknowledgement: for a {@code Message<O> method(I payload)} processor SmallRye's default
 * strategy is POST_PROCESSING, and {@code ProcessorMediator.handlePostInvocationWithMessage} chains
 * the returned message's ack to the incoming one, so the fetched record's offset is committed only
 * after the Kafka sink got {@code acks=all} for the normalized record. A thrown exception nacks the
 * incoming record: the channel's dead-letter-queue strategy writes it to {@code
 * cleanwire.entry.fetched.v1.dlq} with {@code dead-letter-reason} and friends in headers, then acks
 * it, and the next record is processed.
 *
 * <p>Blocking and ordered: the dedup index is read and written through JDBC; the decision for an
 * entryKey is stored, so a redelivery replays it.
 */
@ApplicationScoped
public class FetchedEntryListener {

  private static final Logger LOG = Logger.getLogger(FetchedEntryListener.class);
  private static final int ATTEMPTS = 3;

  private final EntryNormalizer normalizer;
  private final NormalizerMetrics metrics;

  public FetchedEntryListener(EntryNormalizer normalizer, NormalizerMetrics metrics) {
    this.normalizer = normalizer;
    this.metrics = metrics;
  }

  @Incoming("fetched-entries")
  @Outgoing("normalized-entries")
  @Blocking
  public Message<EntryNormalizedEvent> normalize(EntryFetchedEvent fetched) {
    EntryNormalizedEvent normalized;
    try {
      normalized = normalizeWithRetry(fetched);
    } catch (RuntimeException e) {
      LOG.warnf(
          "dead-letter entryKey=%s reason=%s",
          fetched == null ? null : fetched.entryKey(), e.getMessage());
      metrics.deadLettered(e.getClass().getSimpleName());
      throw e;
    }
    metrics.normalized(normalized);
    LOG.debugf(
        "normalized entryKey=%s storyId=%s matchedBy=%s repairs=%d",
        normalized.entryKey(),
        normalized.storyId(),
        normalized.matchedBy(),
        normalized.repairs().size());
    return Message.of(normalized)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder().withKey(normalized.entryKey()).build());
  }

  /**
   * Retries failures that may be transient (the database) a few times before the record is
   * dead-lettered; an invalid entry fails at once.
   */
  private EntryNormalizedEvent normalizeWithRetry(EntryFetchedEvent fetched) {
    for (int attempt = 1; ; attempt++) {
      try {
        return normalizer.normalize(fetched);
      } catch (InvalidEntryException e) {
        throw e;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.warnf(
            "retrying entryKey=%s attempt=%d reason=%s",
            fetched.entryKey(), attempt, e.getMessage());
        try {
          Thread.sleep(250L * attempt * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}

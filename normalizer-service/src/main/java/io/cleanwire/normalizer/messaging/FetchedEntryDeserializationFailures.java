package io.cleanwire.normalizer.messaging;

import io.cleanwire.events.EntryFetchedEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Counts and logs fetched records that are not valid JSON events; the connector then sends them to
 * the dead-letter topic itself (the handler's default adds the {@code deserialization-failure-*}
 * headers, and the DLQ strategy routes records carrying them).
 */
@ApplicationScoped
@Identifier("fetched-entry-failures")
public class FetchedEntryDeserializationFailures
    implements DeserializationFailureHandler<EntryFetchedEvent> {

  private static final Logger LOG = Logger.getLogger(FetchedEntryDeserializationFailures.class);

  private final NormalizerMetrics metrics;

  public FetchedEntryDeserializationFailures(NormalizerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public EntryFetchedEvent handleDeserializationFailure(
      String topic,
      boolean isKey,
      String deserializer,
      byte[] data,
      Exception exception,
      Headers headers) {
    LOG.warnf(
        "dead-letter topic=%s reason=deserialization error=%s", topic, exception.getMessage());
    metrics.deadLettered("deserialization");
    return null;
  }
}

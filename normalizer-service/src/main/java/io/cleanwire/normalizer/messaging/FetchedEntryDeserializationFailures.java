package io.cleanwire.normalizer.messaging;

import io.cleanwire.events.EntryFetchedEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Logs fetched records that are not valid JSON events. The record then reaches {@link
 * FetchedEntryListener} with no payload and the {@code deserialization-failure-*} headers (added by
 * the handler's default), and the listener dead-letters it with its original bytes.
 */
@ApplicationScoped
@Identifier("fetched-entry-failures")
public class FetchedEntryDeserializationFailures
    implements DeserializationFailureHandler<EntryFetchedEvent> {

  private static final Logger LOG = Logger.getLogger(FetchedEntryDeserializationFailures.class);

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
    return null;
  }
}

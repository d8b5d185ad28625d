package io.cleanwire.publisher.messaging;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.publisher.store.ItemStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every record of {@code cleanwire.entry.normalized.v1} (channel {@code normalized-entries})
 * through {@link ItemStore}.
 *
 * <p>Ack ordering: the method takes the payload and returns void, so the connector acknowledges the
 * record after the method returns (post-processing acknowledgement). {@code @Transactional} wraps
 * the method, so by the time it returns the database transaction has committed; only then is the
 * record acked and its offset handed to the throttled commit strategy. A crash before the commit
 * leaves the offset uncommitted and the record is redelivered, which the idempotent upsert absorbs.
 * If the method or the commit throws, the record is nacked and the connector's dead-letter-queue
 * strategy sends it to {@code cleanwire.entry.normalized.v1.dlq} with the exception message as
 * {@code dead-letter-reason}, then moves on to the next record. Records that are not valid JSON
 * never reach this method: with {@code fail-on-deserialization-failure=false} the connector sends
 * them to the same DLQ with {@code deserialization-failure-*} headers.
 */
@ApplicationScoped
public class NormalizedEntryListener {

  private final ItemStore store;

  public NormalizedEntryListener(ItemStore store) {
    this.store = store;
  }

  @Incoming("normalized-entries")
  @Blocking
  @Transactional
  public void onEntry(EntryNormalizedEvent event) {
    store.upsert(event);
  }
}

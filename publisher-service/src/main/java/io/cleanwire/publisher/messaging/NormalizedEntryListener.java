package io.cleanwire.publisher.messaging;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.publisher.store.InvalidEntryException;
import io.cleanwire.publisher.store.ItemStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every record of {@code cleanwire.entry.normalized.v1} (channel {@code normalized-entries})
 * through {@link ItemStore}.
 *
 * <p>Ack ordering: the method takes the payload and returns void, so the connector acknowledges the
 * record only after the method returns (post-processing acknowledgement), and only acked offsets
 * are committed (throttled strategy, auto-commit off). The transaction is {@link
 * ItemStore#upsert}'s own ({@code @Transactional}, no outer transaction here): it has committed
 * before {@code upsert} returns, hence before this method returns, hence before the ack. A crash
 * before the commit leaves the offset uncommitted; the record is redelivered and the idempotent
 * upsert absorbs the duplicate.
 *
 * <p>The transaction sits in the store rather than on this method so that each retry gets a fresh
 * one: {@code @Retry} rides out a database hiccup or a duplicate-key race during a rebalance (about
 * 45 s in all) instead of sending good records to the DLQ. When the retries are spent, or at once
 * for an {@link InvalidEntryException}, the method throws, the record is nacked and the
 * dead-letter-queue strategy sends it to {@code cleanwire.entry.normalized.v1.dlq} with the
 * exception message as {@code dead-letter-reason}; the next record is then processed. Records that
 * are not valid JSON never reach this method: with {@code fail-on-deserialization-failure=false}
 * the connector sends them to the same DLQ with {@code deserialization-failure-*} headers.
 */
@ApplicationScoped
public class NormalizedEntryListener {

  private final ItemStore store;

  public NormalizedEntryListener(ItemStore store) {
    this.store = store;
  }

  @Incoming("normalized-entries")
  @Blocking
  @Retry(maxRetries = 8, delay = 500, jitter = 100, abortOn = InvalidEntryException.class)
  @ExponentialBackoff(factor = 2, maxDelay = 10_000)
  public void onEntry(EntryNormalizedEvent event) {
    store.upsert(event);
  }
}

package io.cleanwire.publisher.store;

/**
 * Fired (as a CDI event) by every transaction that inserted, replaced or deleted items; observers
 * that must only see committed data observe it {@code during = AFTER_SUCCESS}.
 *
 * @param rows how many rows the transaction wrote
 */
public record ItemsChanged(int rows) {}

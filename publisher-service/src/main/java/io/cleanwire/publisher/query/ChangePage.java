package io.cleanwire.publisher.query;

import java.util.List;

/**
 * One answer of the change feed.
 *
 * @param items items created or updated after the cursor, oldest change first
 * @param nextCursor pass as {@code after} to continue; always set, also when nothing changed
 * @param more true when the page is full and more changes are waiting
 */
public record ChangePage(List<Item> items, String nextCursor, boolean more) {}

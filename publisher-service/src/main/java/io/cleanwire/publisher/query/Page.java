package io.cleanwire.publisher.query;

import java.util.List;

/**
 * One page of items, newest first.
 *
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, or null when this page is the last
 */
public record Page(List<Item> items, String nextCursor) {}

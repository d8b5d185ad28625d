package io.cleanwire.publisher.query;

import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.SortKey;

/**
 * One page request of the item list.
 *
 * @param filter which items
 * @param collapse one item per story (its first stored matching member) with {@code alsoIn}
 * @param limit page size, already validated
 * @param after position of the last item of the previous page, or null for the first page
 */
public record ItemQuery(ItemFilter filter, boolean collapse, int limit, SortKey after) {}

package io.cleanwire.publisher.rest;

import java.util.List;

/**
 * One page of {@code GET /api/v1/items}.
 *
 * @param items the items, newest first
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record ItemPageView(List<ItemView> items, String nextCursor) {}

package io.cleanwire.publisher.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of {@code GET /api/v1/items}.
 *
 * @param items the items, newest first
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
@Schema(description = "One page of items, newest first")
public record ItemPageView(
    @Schema(description = "The items of this page, newest first") List<ItemView> items,
    @Schema(description = "Opaque cursor: pass as cursor= for the next page; null on the last page")
        String nextCursor) {}

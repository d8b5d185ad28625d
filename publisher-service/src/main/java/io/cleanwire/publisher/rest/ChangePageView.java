package io.cleanwire.publisher.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One answer of {@code GET /api/v1/items/changes}.
 *
 * @param items created or updated items, oldest change first
 * @param nextCursor pass as {@code after} next time
 * @param more true when more changes are waiting right now
 */
@Schema(description = "Items created or updated after a cursor, oldest change first")
public record ChangePageView(
    @Schema(description = "Created or updated items, oldest change first (not collapsed)")
        List<ItemView> items,
    @Schema(
            description =
                "Pass as after= on the next call; always set, also when nothing changed, so a"
                    + " client can keep polling with it")
        String nextCursor,
    @Schema(description = "True when the page is full and more changes are already waiting")
        boolean more) {}

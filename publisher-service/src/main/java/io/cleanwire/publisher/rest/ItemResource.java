package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.persistence.SortKey;
import io.cleanwire.publisher.query.ChangeFeed;
import io.cleanwire.publisher.query.ChangePage;
import io.cleanwire.publisher.query.Cursor;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.query.ItemQuery;
import io.cleanwire.publisher.query.Page;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public, read-only item API: the list, single items, the change feed and its SSE stream. */
@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Items", description = "Clean, deduplicated, language-tagged items")
public class ItemResource {

  private final ItemFinder finder;
  private final ChangeFeed changes;
  private final PublisherConfig config;

  public ItemResource(ItemFinder finder, ChangeFeed changes, PublisherConfig config) {
    this.finder = finder;
    this.changes = changes;
    this.config = config;
  }

  @GET
  @Operation(
      summary = "List items, newest first, with keyset paging",
      description =
          "Filters combine with AND. The cursor is stable while new items arrive: no item is"
              + " skipped or repeated across pages. Every answer has an ETag; a matching"
              + " If-None-Match is answered with 304.")
  @APIResponse(responseCode = "200", description = "One page of items")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag given")
  @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json)")
  @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After")
  public ItemPageView list(
      @BeanParam FilterParams filters,
      @Parameter(
              description =
                  "true (default): one item per story, its first stored matching member, with"
                      + " the other sources in alsoIn; false: every item")
          @QueryParam("collapse")
          String collapse,
      @Parameter(
              description =
                  "Page size, at least 1; default 50; values above the maximum (200) are served"
                      + " as the maximum")
          @QueryParam("limit")
          String limit,
      @Parameter(description = "nextCursor of the previous page, unchanged; absent: first page")
          @QueryParam("cursor")
          String cursor) {
    ItemQuery query =
        new ItemQuery(
            filters.toFilter(),
            RequestParams.flag("collapse", collapse, true),
            RequestParams.limit(limit, config.page().defaultSize(), config.page().maxSize()),
            cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    Page page = finder.page(query);
    return new ItemPageView(page.items().stream().map(ItemView::of).toList(), page.nextCursor());
  }

  @GET
  @Path("/changes")
  @Operation(
      summary = "Items created or updated after a cursor (change feed)",
      description =
          "For downstream apps that mirror items: call without after to read everything, then"
              + " keep calling with nextCursor. Oldest change first, every item (not collapsed);"
              + " an edited item appears again. Changes younger than a few seconds are held back"
              + " until no write can still be in flight. Deletions are not reported.")
  @APIResponse(responseCode = "200", description = "Changed items and the cursor to continue")
  @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json)")
  public ChangePageView changes(
      @Parameter(
              description = "nextCursor of a previous change-feed answer; absent: from the start")
          @QueryParam("after")
          String after,
      @Parameter(description = ApiText.LANGUAGE) @QueryParam("language") List<String> language,
      @Parameter(description = ApiText.FEED) @QueryParam("feed") String feed,
      @Parameter(description = ApiText.STORY) @QueryParam("story") String story,
      @Parameter(description = ApiText.Q) @QueryParam("q") String q,
      @Parameter(
              description =
                  "Items per answer, at least 1; default 50; values above 200 are served as 200")
          @QueryParam("limit")
          String limit) {
    ItemFilter filter = RequestParams.filter(language, feed, story, null, null, q);
    SortKey position =
        after == null || after.isBlank() ? null : Cursor.decodeChange(after, "after");
    ChangePage page =
        changes.page(
            filter,
            position,
            RequestParams.limit(limit, config.page().defaultSize(), config.page().maxSize()));
    return new ChangePageView(
        page.items().stream().map(ItemView::of).toList(), page.nextCursor(), page.more());
  }

  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "New and updated items as Server-Sent Events",
      description =
          "One event per change: event name item, data the item as JSON, id a change cursor."
              + " Reconnect with Last-Event-ID (or after=) to resume without loss; without"
              + " either the stream starts with the changes that happen from now on.")
  @APIResponse(
      responseCode = "200",
      description = "An endless text/event-stream; each event's data is one item",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = ItemView.class)))
  public Multi<OutboundSseEvent> stream(
      @Parameter(description = "Change cursor to resume after (nextCursor or an event id)")
          @QueryParam("after")
          String after,
      @Parameter(description = "Id of the last event received; wins over after")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Parameter(description = ApiText.LANGUAGE) @QueryParam("language") List<String> language,
      @Parameter(description = ApiText.FEED) @QueryParam("feed") String feed,
      @Parameter(description = ApiText.STORY) @QueryParam("story") String story,
      @Parameter(description = ApiText.Q) @QueryParam("q") String q,
      @Context Sse sse) {
    ItemFilter filter = RequestParams.filter(language, feed, story, null, null, q);
    SortKey start;
    if (lastEventId != null && !lastEventId.isBlank()) {
      start = Cursor.decodeChange(lastEventId.strip(), "Last-Event-ID");
    } else if (after != null && !after.isBlank()) {
      start = Cursor.decodeChange(after, "after");
    } else {
      start = changes.now();
    }
    return changes
        .follow(filter, start)
        .map(
            item ->
                sse.newEventBuilder()
                    .id(Cursor.encodeChange(new SortKey(item.changedAt(), item.entryKey())))
                    .name("item")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(ItemView.class, ItemView.of(item))
                    .build());
  }

  @GET
  @Path("/{entryKey}")
  @Operation(summary = "One item by entryKey, with the other sources of its story in alsoIn")
  @APIResponse(responseCode = "200", description = "The item")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag given")
  @APIResponse(responseCode = "404", description = "No item with this key (problem+json)")
  public ItemView get(
      @Parameter(description = "The item's entryKey") @PathParam("entryKey") String entryKey) {
    return finder
        .byKey(entryKey)
        .map(ItemView::of)
        .orElseThrow(() -> new NotFoundProblem("no item with entryKey " + entryKey));
  }
}

package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.query.Cursor;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.query.ItemQuery;
import io.cleanwire.publisher.query.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The public, read-only item API: {@code GET /api/v1/items} and {@code /api/v1/items/{key}}. */
@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

  private final ItemFinder finder;
  private final PublisherConfig config;

  public ItemResource(ItemFinder finder, PublisherConfig config) {
    this.finder = finder;
    this.config = config;
  }

  @GET
  @Operation(summary = "List items, newest first, with keyset paging")
  public ItemPageView list(
      @Parameter(description = "ISO 639-1 language code; repeat for several")
          @QueryParam("language")
          List<String> language,
      @Parameter(description = "Feed URL the items came from") @QueryParam("feed") String feed,
      @Parameter(description = "Story id") @QueryParam("story") String story,
      @Parameter(description = "ISO-8601 instant; items at or after it") @QueryParam("since")
          String since,
      @Parameter(description = "ISO-8601 instant; items strictly before it") @QueryParam("until")
          String until,
      @Parameter(description = "One item per story with alsoIn (default true)")
          @QueryParam("collapse")
          String collapse,
      @Parameter(description = "Page size, 1 to the configured maximum (200)") @QueryParam("limit")
          String limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor) {
    ItemQuery query =
        new ItemQuery(
            RequestParams.filter(language, feed, story, since, until),
            RequestParams.flag("collapse", collapse, true),
            RequestParams.limit(limit, config.page().defaultSize(), config.page().maxSize()),
            cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    Page page = finder.page(query);
    return new ItemPageView(page.items().stream().map(ItemView::of).toList(), page.nextCursor());
  }

  @GET
  @Path("/{entryKey}")
  @Operation(summary = "One item by entryKey, with the other sources of its story")
  public ItemView get(@PathParam("entryKey") String entryKey) {
    return finder
        .byKey(entryKey)
        .map(ItemView::of)
        .orElseThrow(() -> new NotFoundProblem("no item with entryKey " + entryKey));
  }
}

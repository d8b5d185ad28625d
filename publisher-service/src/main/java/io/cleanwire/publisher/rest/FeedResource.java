package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.query.Item;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.syndication.AtomWriter;
import io.cleanwire.publisher.syndication.FeedChannel;
import io.cleanwire.publisher.syndication.FeedFormat;
import io.cleanwire.publisher.syndication.JsonFeedWriter;
import io.cleanwire.publisher.syndication.RssWriter;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Output feeds for feed readers: {@code /feeds/rss}, {@code /feeds/atom}, {@code /feeds/json}, the
 * newest stories (one item each) matching the same filters as the item API. ETag, Last-Modified,
 * Cache-Control and 304 come from {@link ConditionalGetFilter}.
 */
@Path("/feeds")
@Tag(name = "Feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 output, one item per story")
public class FeedResource {

  private final ItemFinder finder;
  private final RssWriter rss;
  private final AtomWriter atom;
  private final JsonFeedWriter json;
  private final PublisherConfig config;

  public FeedResource(
      ItemFinder finder,
      RssWriter rss,
      AtomWriter atom,
      JsonFeedWriter json,
      PublisherConfig config) {
    this.finder = finder;
    this.rss = rss;
    this.atom = atom;
    this.json = json;
    this.config = config;
  }

  @GET
  @Path("/rss")
  @Produces("application/rss+xml; charset=UTF-8")
  @Operation(
      summary = "RSS 2.0 feed of the newest stories",
      description =
          "One item per story; <source> names the feed it came from; <atom:link rel=self>."
              + " Answers 304 to a matching If-None-Match or If-Modified-Since.")
  @APIResponse(responseCode = "200", description = "The feed")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
  @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json)")
  public Response rss(@BeanParam FilterParams filters, @Context UriInfo uri) {
    return serve(FeedFormat.RSS, filters.toFilter(), uri);
  }

  @GET
  @Path("/atom")
  @Produces("application/atom+xml; charset=UTF-8")
  @Operation(
      summary = "Atom 1.0 feed of the newest stories",
      description =
          "One entry per story; link rel=via and atom:source name the feed it came from,"
              + " rel=related links the story's other sources; link rel=self.")
  @APIResponse(responseCode = "200", description = "The feed")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
  @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json)")
  public Response atom(@BeanParam FilterParams filters, @Context UriInfo uri) {
    return serve(FeedFormat.ATOM, filters.toFilter(), uri);
  }

  @GET
  @Path("/json")
  @Produces("application/feed+json; charset=UTF-8")
  @Operation(
      summary = "JSON Feed 1.1 of the newest stories",
      description =
          "One item per story; the _cleanwire extension of each item holds its source feed,"
              + " story id and the story's other sources (also_in).")
  @APIResponse(responseCode = "200", description = "The feed")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag or date given")
  @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json)")
  public Response json(@BeanParam FilterParams filters, @Context UriInfo uri) {
    return serve(FeedFormat.JSON, filters.toFilter(), uri);
  }

  private Response serve(FeedFormat format, ItemFilter filter, UriInfo uri) {
    String query = uri.getRequestUri().getRawQuery();
    String base = config.publicBaseUrl().replaceAll("/+$", "");
    FeedChannel channel =
        new FeedChannel(
            config.feed().title(),
            config.feed().description(),
            base + "/",
            base
                + "/feeds/"
                + format.path()
                + (query == null || query.isEmpty() ? "" : "?" + query));
    List<Item> items = finder.latestStories(filter, config.feed().size());
    byte[] body =
        switch (format) {
          case RSS -> rss.render(channel, items);
          case ATOM -> atom.render(channel, items);
          case JSON -> json.render(channel, items);
        };
    return Response.ok(body, format.mediaType()).build();
  }
}

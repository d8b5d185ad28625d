package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.query.ItemFinder;
import io.cleanwire.publisher.syndication.FeedChannel;
import io.cleanwire.publisher.syndication.RenderedFeed;
import io.cleanwire.publisher.syndication.RssWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Output feeds for feed readers: {@code GET /feeds/rss}, one item per story, cacheable (strong
 * ETag, Last-Modified, 304).
 */
@Path("/feeds")
public class FeedResource {

  static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
  private static final String CACHE_CONTROL = "public, max-age=60";

  private final ItemFinder finder;
  private final RssWriter rss;
  private final PublisherConfig config;

  public FeedResource(ItemFinder finder, RssWriter rss, PublisherConfig config) {
    this.finder = finder;
    this.rss = rss;
    this.config = config;
  }

  @GET
  @Path("/rss")
  @Produces(RSS_TYPE)
  @Operation(summary = "RSS 2.0 feed of the newest stories; same filters as /api/v1/items")
  public Response rss(
      @QueryParam("language") List<String> language,
      @QueryParam("feed") String feed,
      @QueryParam("story") String story,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
      @Context UriInfo uri) {
    ItemFilter filter = RequestParams.filter(language, feed, story, since, until);
    String query = uri.getRequestUri().getRawQuery();
    String base = config.publicBaseUrl().replaceAll("/+$", "");
    FeedChannel channel =
        new FeedChannel(
            config.feed().title(),
            config.feed().description(),
            base + "/",
            base + "/feeds/rss" + (query == null || query.isEmpty() ? "" : "?" + query));
    RenderedFeed rendered = rss.render(channel, finder.latestStories(filter, config.feed().size()));
    Response.ResponseBuilder response;
    if (notModified(rendered, ifNoneMatch, ifModifiedSince)) {
      response = Response.notModified();
    } else {
      response = Response.ok(rendered.body(), RSS_TYPE);
    }
    response
        .header(HttpHeaders.ETAG, rendered.etag())
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    if (rendered.lastModified() != null) {
      response.header(HttpHeaders.LAST_MODIFIED, httpDate(rendered.lastModified()));
    }
    return response.build();
  }

  /** RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise. */
  static boolean notModified(RenderedFeed feed, String ifNoneMatch, String ifModifiedSince) {
    if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
      return feed.matches(ifNoneMatch);
    }
    if (ifModifiedSince == null || feed.lastModified() == null) {
      return false;
    }
    try {
      Instant since =
          DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
      return !feed.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}

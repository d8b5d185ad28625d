package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.TableStamp;
import io.cleanwire.publisher.query.VersionStamps;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every GET of the API and the feeds an ETag, Last-Modified and Cache-Control, and answers a
 * matching conditional request with 304 before the resource runs: no query, no rendering.
 *
 * <p>The SSE stream is not cacheable and is left alone.
 */
public class ConditionalGetFilter {

  static final String ETAG_PROPERTY = "cleanwire.etag";
  static final String LAST_MODIFIED_PROPERTY = "cleanwire.lastModified";

  private final VersionStamps stamps;
  private final String cacheControl;

  public ConditionalGetFilter(VersionStamps stamps, PublisherConfig config) {
    this.stamps = stamps;
    this.cacheControl = "public, max-age=" + config.cache().maxAgeSeconds();
  }

  @ServerRequestFilter
  public Response beforeResource(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String path = request.getUriInfo().getPath();
    if (!cacheable(path)) {
      return null;
    }
    TableStamp stamp = stamps.current();
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    String etag = EntityTags.of(stamp, query == null ? path : path + "?" + query);
    request.setProperty(ETAG_PROPERTY, etag);
    request.setProperty(LAST_MODIFIED_PROPERTY, stamp.lastChange());
    if (EntityTags.notModified(
        etag,
        stamp.lastChange(),
        request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))) {
      Response.ResponseBuilder notModified = Response.notModified().header(HttpHeaders.ETAG, etag);
      notModified.header(HttpHeaders.CACHE_CONTROL, cacheControl);
      if (stamp.lastChange() != null) {
        notModified.header(HttpHeaders.LAST_MODIFIED, EntityTags.httpDate(stamp.lastChange()));
      }
      return notModified.build();
    }
    return null;
  }

  @ServerResponseFilter
  public void afterResource(ContainerRequestContext request, ContainerResponseContext response) {
    Object etag = request.getProperty(ETAG_PROPERTY);
    if (etag == null || response.getStatus() != 200) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
    Object lastModified = request.getProperty(LAST_MODIFIED_PROPERTY);
    if (lastModified instanceof java.time.Instant instant) {
      response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, EntityTags.httpDate(instant));
    }
  }

  static boolean cacheable(String path) {
    return (path.startsWith("/api/v1/") || path.startsWith("/feeds/"))
        && !path.equals("/api/v1/items/stream");
  }
}

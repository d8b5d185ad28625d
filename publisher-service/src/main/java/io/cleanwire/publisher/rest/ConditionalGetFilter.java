package io.cleanwire.publisher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.TableStamp;
import io.cleanwire.publisher.query.VersionStamps;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every GET of the API and the feeds an ETag, Last-Modified and Cache-Control, and answers
 * before the resource runs when it can: 304 to a matching {@code If-None-Match} or {@code
 * If-Modified-Since}, else the stored body from {@link RepresentationCache}.
 *
 * <p>Two steps: before routing, on the I/O thread, when the cached table stamp is still valid (the
 * common case), everything is decided without a thread switch or a query; otherwise the same check
 * runs after routing on the worker thread, where reading the stamp may block. The SSE stream is not
 * cacheable.
 */
public class ConditionalGetFilter {

  static final String ETAG_PROPERTY = "cleanwire.etag";
  static final String LAST_MODIFIED_PROPERTY = "cleanwire.lastModified";
  static final String SERVED_PROPERTY = "cleanwire.served";
  private static final String DECIDED_PROPERTY = "cleanwire.decided";
  private static final String CHANGES_PATH = "/api/v1/items/changes";

  private final VersionStamps stamps;
  private final RepresentationCache cache;
  private final ObjectMapper json;
  private final String cacheControl;
  private final Duration settleTime;

  public ConditionalGetFilter(
      VersionStamps stamps, RepresentationCache cache, ObjectMapper json, PublisherConfig config) {
    this.stamps = stamps;
    this.cache = cache;
    this.json = json;
    this.cacheControl = "public, max-age=" + config.cache().maxAgeSeconds();
    this.settleTime = config.changes().settleTime();
  }

  @ServerRequestFilter(preMatching = true, priority = Priorities.USER)
  public Response onIoThread(ContainerRequestContext request) {
    if (!applies(request)) {
      return null;
    }
    TableStamp stamp = stamps.currentIfFresh();
    if (stamp == null) {
      return null;
    }
    request.setProperty(DECIDED_PROPERTY, Boolean.TRUE);
    return decide(request, stamp);
  }

  @ServerRequestFilter(priority = Priorities.USER)
  public Response onWorker(ContainerRequestContext request) {
    if (request.getProperty(DECIDED_PROPERTY) != null || !applies(request)) {
      return null;
    }
    return decide(request, stamps.current());
  }

  @ServerResponseFilter
  public void afterResource(ContainerRequestContext request, ContainerResponseContext response) {
    Object etag = request.getProperty(ETAG_PROPERTY);
    if (etag == null || response.getStatus() != 200) {
      return;
    }
    headers(response.getHeaders()::putSingle, (String) etag, request);
    if (request.getProperty(SERVED_PROPERTY) != null) {
      return;
    }
    Object entity = response.getEntity();
    MediaType type = response.getMediaType();
    if (entity == null || type == null) {
      return;
    }
    byte[] body;
    if (entity instanceof byte[] bytes) {
      body = bytes;
    } else if (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      // Serialized here once, so that the cache holds exactly the bytes sent.
      try {
        body = json.writeValueAsBytes(entity);
      } catch (JsonProcessingException e) {
        return;
      }
      response.setEntity(body, null, type);
    } else {
      return;
    }
    cache.put((String) etag, body, type.toString());
  }

  private Response decide(ContainerRequestContext request, TableStamp stamp) {
    String path = request.getUriInfo().getPath();
    if (path.equals(CHANGES_PATH)
        && stamp.lastChange() != null
        && stamp.lastChange().isAfter(Instant.now().minus(settleTime))) {
      // The change feed shows a change only once it has settled, so while one is settling its
      // answer changes with the clock alone: no tag can name it. Tagged again once all settled.
      return null;
    }
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    String etag = EntityTags.of(stamp, query == null ? path : path + "?" + query);
    request.setProperty(ETAG_PROPERTY, etag);
    request.setProperty(LAST_MODIFIED_PROPERTY, stamp.lastChange());
    if (EntityTags.notModified(
        etag,
        stamp.lastChange(),
        request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))) {
      Response.ResponseBuilder notModified = Response.notModified();
      headers(notModified::header, etag, request);
      request.setProperty(SERVED_PROPERTY, Boolean.TRUE);
      return notModified.build();
    }
    RepresentationCache.Entry hit = cache.get(etag);
    if (hit != null) {
      request.setProperty(SERVED_PROPERTY, Boolean.TRUE);
      Response.ResponseBuilder ok = Response.ok(hit.body(), hit.mediaType());
      headers(ok::header, etag, request);
      return ok.build();
    }
    return null;
  }

  private void headers(
      java.util.function.BiConsumer<String, Object> set,
      String etag,
      ContainerRequestContext request) {
    set.accept(HttpHeaders.ETAG, etag);
    set.accept(HttpHeaders.CACHE_CONTROL, cacheControl);
    if (request.getProperty(LAST_MODIFIED_PROPERTY) instanceof Instant instant) {
      set.accept(HttpHeaders.LAST_MODIFIED, EntityTags.httpDate(instant));
    }
  }

  private static boolean applies(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    return cacheable(request.getUriInfo().getPath());
  }

  static boolean cacheable(String path) {
    return (path.startsWith("/api/v1/") || path.startsWith("/feeds/"))
        && !path.equals("/api/v1/items/stream");
  }
}

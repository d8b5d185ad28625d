package io.cleanwire.publisher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.publisher.config.PublisherConfig;
import io.cleanwire.publisher.persistence.TableStamp;
import io.cleanwire.publisher.query.VersionStamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every GET of the API and the feeds an ETag, Last-Modified and Cache-Control, and answers
 * before the resource runs when it can: 304 to a matching {@code If-None-Match} or {@code
 * If-Modified-Since}, else the stored body from {@link RepresentationCache}.
 *
 * <p>Two steps: before routing, on the I/O thread, when the cached table stamp is still valid (the
 * common case), everything is decided without a thread switch or a query; otherwise the same check
 * runs after routing on the worker thread, where reading the stamp may block. A miss is rendered
 * once however many requests for the same ETag arrive meanwhile: the others wait on the worker
 * thread for that answer (at most {@value #FOLLOW_TIMEOUT_MILLIS} ms). The SSE stream is not
 * cacheable.
 */
public class ConditionalGetFilter {

  static final String ETAG_PROPERTY = "cleanwire.etag";
  static final String LAST_MODIFIED_PROPERTY = "cleanwire.lastModified";
  static final String SERVED_PROPERTY = "cleanwire.served";
  private static final String DECIDED_PROPERTY = "cleanwire.decided";
  private static final String RENDERING_PROPERTY = "cleanwire.rendering";
  private static final String CHANGES_PATH = "/api/v1/items/changes";

  /** How long a request waits for another one rendering the same ETag before rendering itself. */
  private static final long FOLLOW_TIMEOUT_MILLIS = 5_000;

  /** A bound on renders in flight: only a leaked entry (a render that never answered) stays. */
  private static final int MAX_RENDERING = 10_000;

  private final VersionStamps stamps;
  private final RepresentationCache cache;
  private final ObjectMapper json;
  private final String cacheControl;
  private final Duration settleTime;
  private final boolean caching;
  private final Counter notModified;
  private final Counter cached;
  private final Counter shared;
  private final Counter rendered;

  /** The answer being rendered per ETag, so that concurrent misses of one URL render it once. */
  private final Map<String, CompletableFuture<Void>> rendering = new ConcurrentHashMap<>();

  public ConditionalGetFilter(
      VersionStamps stamps,
      RepresentationCache cache,
      ObjectMapper json,
      PublisherConfig config,
      MeterRegistry meters) {
    this.stamps = stamps;
    this.cache = cache;
    this.json = json;
    this.cacheControl = "public, max-age=" + config.cache().maxAgeSeconds();
    this.settleTime = config.changes().settleTime();
    this.caching = config.cache().maxEntries() > 0;
    this.notModified = answers(meters, "not-modified");
    this.cached = answers(meters, "cached");
    this.shared = answers(meters, "shared");
    this.rendered = answers(meters, "rendered");
  }

  /**
   * How cacheable GETs were answered: {@code not-modified} (304), {@code cached} (a stored body),
   * {@code shared} (waited for a concurrent render of the same ETag), {@code rendered} (queried and
   * serialized, then stored).
   */
  private static Counter answers(MeterRegistry meters, String outcome) {
    return Counter.builder("cleanwire.publisher.answers")
        .description("Cacheable GET answers by how they were produced")
        .tag("outcome", outcome)
        .register(meters);
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
    if (!applies(request)) {
      return null;
    }
    if (request.getProperty(DECIDED_PROPERTY) == null) {
      Response answer = decide(request, stamps.current());
      if (answer != null) {
        return answer;
      }
    }
    if (request.getProperty(SERVED_PROPERTY) != null
        || !(request.getProperty(ETAG_PROPERTY) instanceof String etag)) {
      return null;
    }
    return followOrLead(request, etag);
  }

  /**
   * A cache miss: when another request is already rendering this ETag, waits for it and answers
   * with what it stored; else becomes the one that renders. Without it, the first seconds after a
   * write would send every concurrent request for a popular URL to the database at once.
   */
  private Response followOrLead(ContainerRequestContext request, String etag) {
    if (!caching) {
      return null;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> leader = rendering.putIfAbsent(etag, mine);
    if (leader == null) {
      // A leader that finished between this request's cache lookup and now has stored its
      // answer before stepping down: look again before rendering a second time.
      RepresentationCache.Entry stored = cache.get(etag);
      if (stored != null) {
        rendering.remove(etag, mine);
        mine.complete(null);
        return fromCache(request, etag, stored, cached);
      }
      if (rendering.size() > MAX_RENDERING) {
        rendering.clear();
        rendering.put(etag, mine);
      }
      request.setProperty(RENDERING_PROPERTY, mine);
      return null;
    }
    try {
      leader.get(FOLLOW_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The leader is stuck or its answer was lost: stop waiting for it, and let the next miss
      // lead again.
      rendering.remove(etag, leader);
    } catch (ExecutionException e) {
      // Never completed exceptionally; render.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    RepresentationCache.Entry hit = cache.get(etag);
    if (hit == null) {
      return null; // the leader's answer was not cacheable (an error, too large): render
    }
    return fromCache(request, etag, hit, shared);
  }

  private Response fromCache(
      ContainerRequestContext request,
      String etag,
      RepresentationCache.Entry hit,
      Counter outcome) {
    request.setProperty(SERVED_PROPERTY, Boolean.TRUE);
    outcome.increment();
    Response.ResponseBuilder ok = Response.ok(hit.body(), hit.mediaType());
    headers(ok::header, etag, request);
    return ok.build();
  }

  @ServerResponseFilter
  public void afterResource(ContainerRequestContext request, ContainerResponseContext response) {
    try {
      store(request, response);
    } finally {
      if (request.getProperty(RENDERING_PROPERTY) instanceof CompletableFuture<?> mine) {
        rendering.remove((String) request.getProperty(ETAG_PROPERTY), mine);
        mine.complete(null);
      }
    }
  }

  private void store(ContainerRequestContext request, ContainerResponseContext response) {
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
    rendered.increment();
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
      Response.ResponseBuilder answer = Response.notModified();
      headers(answer::header, etag, request);
      request.setProperty(SERVED_PROPERTY, Boolean.TRUE);
      notModified.increment();
      return answer.build();
    }
    RepresentationCache.Entry hit = cache.get(etag);
    if (hit != null) {
      return fromCache(request, etag, hit, cached);
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

package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.config.PublisherConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits each client (by remote address; behind a proxy set {@code
 * quarkus.http.proxy.proxy-address-forwarding=true} so that it is the forwarded one) to the
 * configured rate on {@code /api/*} and {@code /feeds/*}; the excess is answered with 429, a {@code
 * Retry-After} in seconds and a problem document. Health, metrics and OpenAPI are not limited.
 */
public class RateLimitFilter {

  private final RateLimiter limiter;

  public RateLimitFilter(PublisherConfig config) {
    PublisherConfig.RateLimit limit = config.rateLimit();
    this.limiter =
        limit.enabled()
            ? new RateLimiter(limit.requestsPerSecond(), limit.burst(), limit.maxClients())
            : null;
  }

  // Runs on the I/O thread before anything else: refusing must cost less than serving.
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION, preMatching = true)
  public Response limit(HttpServerRequest request) {
    if (limiter == null) {
      return null;
    }
    String path = request.path();
    if (path == null || !(path.startsWith("/api/") || path.startsWith("/feeds/"))) {
      return null;
    }
    SocketAddress remote = request.remoteAddress();
    String client = remote == null ? "unknown" : remote.hostAddress();
    long wait = limiter.acquire(client, System.nanoTime());
    if (wait == 0) {
      return null;
    }
    long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    Problem problem =
        Problem.of(
            429,
            "Too Many Requests",
            "rate limit exceeded for client "
                + client
                + "; retry after "
                + seconds
                + " s; poll less often and send If-None-Match with the last ETag",
            null);
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", Long.toString(seconds))
        .entity(problem)
        .build();
  }
}

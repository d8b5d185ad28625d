package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.config.AdminToken;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every write of the admin API with the bearer token; reads stay open.
 *
 * <p>Without a configured token every write is refused (403): an unset variable must never leave
 * the admin API open.
 */
public class AdminAuthFilter {

  private static final Set<String> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final String BEARER = "bearer ";

  private final AdminToken token;

  public AdminAuthFilter(AdminToken token) {
    this.token = token;
  }

  @ServerRequestFilter
  public Response checkToken(ContainerRequestContext request) {
    if (READS.contains(request.getMethod())
        || !request.getUriInfo().getPath().startsWith("/api/")) {
      return null;
    }
    if (!token.configured()) {
      return Problem.response(
          Response.Status.FORBIDDEN,
          "admin writes are disabled: no admin token is configured; set CLEANWIRE_ADMIN_TOKEN"
              + " (cleanwire.admin-token) and restart");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String presented =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).strip()
            : null;
    if (!token.matches(presented)) {
      Response problem =
          Problem.response(
              Response.Status.UNAUTHORIZED,
              presented == null
                  ? "missing Authorization: Bearer <admin token>"
                  : "invalid admin token");
      return Response.fromResponse(problem)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cleanwire\"")
          .build();
    }
    return null;
  }
}

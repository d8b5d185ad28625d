package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.query.InvalidQueryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the API and the feeds into an {@code application/problem+json} answer (RFC
 * 9457) with a sentence a developer can act on.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalidQuery(InvalidQueryException e) {
    return problem(Problem.of(400, "Bad Request", e.getMessage(), e.parameter()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundProblem e) {
    return problem(Problem.of(404, "Not Found", e.getMessage(), null));
  }

  /** 404 for unknown paths, 405, 406 and the like: the status with the framework's reason. */
  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status < 400) {
      return original;
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "no such resource; the API lives under /api/v1, feeds under /feeds";
          case 405 -> "this API is read-only: use GET";
          case 406 -> "the requested media type is not served here; see /q/openapi";
          default -> e.getMessage() == null ? title : e.getMessage();
        };
    return problem(Problem.of(status, title, detail, null));
  }

  /** Anything unexpected: logged with its stack trace, answered without internals. */
  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.errorf(e, "unexpected error serving a request reason=%s", e.toString());
    return problem(
        Problem.of(
            500, "Internal Server Error", "the server failed to answer; it has been logged", null));
  }

  private static Response problem(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}

package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.query.InvalidQueryException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the read side's exceptions into {@code application/problem+json} answers. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalidQuery(InvalidQueryException e) {
    return problem(Problem.of(400, "Bad Request", e.getMessage(), e.parameter()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundProblem e) {
    return problem(Problem.of(404, "Not Found", e.getMessage(), null));
  }

  private static Response problem(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}

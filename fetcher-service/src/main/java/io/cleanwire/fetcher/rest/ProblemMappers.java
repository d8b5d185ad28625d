package io.cleanwire.fetcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors (bad JSON, bad path id, unknown route) into problem documents. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e) {
    return Problem.response(
        Response.Status.BAD_REQUEST, "malformed JSON body: " + e.getOriginalMessage());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problem.response(Response.Status.NOT_FOUND, "no such resource");
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
    if (status == null || status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
      return e.getResponse();
    }
    return Problem.response(status, e.getMessage());
  }
}

package io.cleanwire.fetcher.rest;

import io.cleanwire.fetcher.opml.OpmlException;
import io.cleanwire.fetcher.poll.FeedPoller;
import io.cleanwire.fetcher.schedule.PollScheduler;
import io.cleanwire.fetcher.subscription.Subscriptions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin API of the fetcher: subscriptions, their health, polling on demand, OPML in and out. */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

  private static final String OPML = "text/x-opml";

  private final Subscriptions subscriptions;
  private final FeedPoller poller;
  private final PollScheduler scheduler;

  public FeedResource(Subscriptions subscriptions, FeedPoller poller, PollScheduler scheduler) {
    this.subscriptions = subscriptions;
    this.poller = poller;
    this.scheduler = scheduler;
  }

  @GET
  public List<FeedResponse> list() {
    return subscriptions.list().stream().map(FeedResponse::of).toList();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") long id) {
    return subscriptions
        .get(id)
        .map(s -> Response.ok(FeedResponse.of(s)).build())
        .orElseGet(() -> notFound(id));
  }

  /** 201 with Location for a new feed; 200 with the existing one when the URL is known. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(SubscribeRequest request, @Context UriInfo uri) {
    if (request == null) {
      return Problem.response(Response.Status.BAD_REQUEST, "body {\"url\": …} is required");
    }
    Subscriptions.Subscribed result;
    try {
      result = subscriptions.subscribe(request.url(), request.title());
    } catch (IllegalArgumentException e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
    FeedResponse body = FeedResponse.of(result.subscription());
    if (!result.created()) {
      return Response.ok(body).build();
    }
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/feeds/{id}").build(result.subscription().id()))
        .entity(body)
        .build();
  }

  /** Changes URL, title, fixed interval or active flag; absent fields stay as they are. */
  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") long id, FeedPatchRequest request) {
    if (request == null) {
      return Problem.response(Response.Status.BAD_REQUEST, "a JSON body is required");
    }
    Subscriptions.Change change;
    try {
      change = request.toChange();
    } catch (IllegalArgumentException e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
    try {
      return subscriptions
          .update(id, change)
          .map(s -> Response.ok(FeedResponse.of(s)).build())
          .orElseGet(() -> notFound(id));
    } catch (IllegalArgumentException e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") long id) {
    return subscriptions.delete(id) ? Response.noContent().build() : notFound(id);
  }

  /**
   * Polls the feed now and answers when the poll is over (Kafka acks included); 409 while another
   * replica holds the feed's lease.
   */
  @POST
  @Path("/{id}/poll")
  public Response poll(@PathParam("id") long id) {
    if (subscriptions.get(id).isEmpty()) {
      return notFound(id);
    }
    if (!scheduler.claimForManualPoll(id)) {
      return Problem.response(
          Response.Status.CONFLICT,
          "feed " + id + " is being polled by another replica right now; try again shortly");
    }
    return poller
        .poll(id)
        .map(o -> Response.ok(PollResponse.of(o)).build())
        .orElseGet(() -> notFound(id));
  }

  @POST
  @Path("/import")
  @Consumes({OPML, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, "*/*"})
  public Response importOpml(byte[] body) {
    if (body == null || body.length == 0) {
      return Problem.response(Response.Status.BAD_REQUEST, "an OPML document is required");
    }
    try {
      return Response.ok(ImportResponse.of(subscriptions.importOpml(body))).build();
    } catch (OpmlException e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  @GET
  @Path("/export")
  @Produces(OPML + ";charset=UTF-8")
  public RestResponse<String> exportOpml() {
    return RestResponse.ResponseBuilder.ok(subscriptions.exportOpml())
        .header("Content-Disposition", "attachment; filename=\"cleanwire-feeds.opml\"")
        .build();
  }

  private static Response notFound(long id) {
    return Problem.response(Response.Status.NOT_FOUND, "no feed with id " + id);
  }
}

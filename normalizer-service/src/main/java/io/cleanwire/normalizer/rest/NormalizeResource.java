package io.cleanwire.normalizer.rest;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.EventJson;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.pipeline.InvalidEntryException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/v1/normalize}: what the pipeline would produce for an entry, without side
 * effects.
 */
@Path("/api/v1/normalize")
public class NormalizeResource {

  private final EntryNormalizer normalizer;

  public NormalizeResource(EntryNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @POST
  @Blocking
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Normalize one fetched entry (dry run)",
      description =
          "Returns the EntryNormalizedEvent the pipeline would publish for this EntryFetchedEvent."
              + " The story decision is looked up in the dedup index but not recorded.")
  @RequestBody(content = @Content(schema = @Schema(implementation = EntryFetchedEvent.class)))
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EntryNormalizedEvent.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid EntryFetchedEvent",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response normalize(byte[] body) {
    EntryFetchedEvent event;
    try {
      event = EventJson.read(body == null ? new byte[0] : body, EntryFetchedEvent.class);
    } catch (UncheckedIOException e) {
      return Problem.badRequest(e.getMessage());
    }
    try {
      // Written with the events' own mapping so the answer is byte-for-byte what Kafka would carry.
      return Response.ok(EventJson.write(normalizer.preview(event)), MediaType.APPLICATION_JSON)
          .build();
    } catch (InvalidEntryException e) {
      return Problem.badRequest(e.getMessage());
    }
  }
}

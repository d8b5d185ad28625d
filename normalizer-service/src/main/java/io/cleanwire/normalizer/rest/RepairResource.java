package io.cleanwire.normalizer.rest;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.text.TextPipeline;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/v1/repair}: repairs a text the way the pipeline repairs a title. */
@Path("/api/v1/repair")
public class RepairResource {

  static final String REPAIRS_HEADER = "X-Repairs";

  private final EntryNormalizer normalizer;

  public RepairResource(EntryNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(
      summary = "Repair a text as a title",
      description =
          "Applies today's title pipeline: strict HTML entity decoding, HTML to text, removal of"
              + " XML-illegal and invisible control characters, Unicode NFC, whitespace. Mojibake"
              + " repair is not done yet.")
  @APIResponse(
      responseCode = "200",
      description = "The repaired text",
      headers =
          @Header(
              name = REPAIRS_HEADER,
              description = "Repair kinds applied, comma-separated, in order; empty when none"))
  public Response repair(String text) {
    TextPipeline.Cleaned cleaned = normalizer.repairTitle(text == null ? "" : text);
    String kinds =
        cleaned.repairs().stream().map(Repair::kind).distinct().collect(Collectors.joining(","));
    return Response.ok(cleaned.text()).header(REPAIRS_HEADER, kinds).build();
  }
}

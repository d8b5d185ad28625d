package io.cleanwire.normalizer.rest;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.text.TextPipeline;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/v1/repair}: repairs a text the way the pipeline repairs a title or summary. */
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
      summary = "Repair a text as a title (default) or a summary",
      description =
          "Applies the pipeline of the field: strict HTML entity decoding, HTML to text, escaped"
              + " UTF-8 bytes and \\u escapes, nested character references, mojibake (UTF-8"
              + " misread as Windows-1252, Latin-1, Windows-1250/1251, MacRoman, CP437, one or two"
              + " layers), C1 controls, removal of XML-illegal and invisible control characters,"
              + " Unicode NFC, whitespace; for a summary also the configured boilerplate rules and"
              + " repeated lines (not the per-feed learned lines).")
  @APIResponse(
      responseCode = "200",
      description = "The repaired text",
      headers =
          @Header(
              name = REPAIRS_HEADER,
              description = "Repair kinds applied, comma-separated, in order; empty when none"))
  public Response repair(
      @Parameter(description = "title (default) or summary") @QueryParam("as") String as,
      String text) {
    String input = text == null ? "" : text;
    TextPipeline.Cleaned cleaned =
        "summary".equals(as) ? normalizer.repairSummary(input) : normalizer.repairTitle(input);
    String kinds =
        cleaned.repairs().stream().map(Repair::kind).distinct().collect(Collectors.joining(","));
    return Response.ok(cleaned.text()).header(REPAIRS_HEADER, kinds).build();
  }
}

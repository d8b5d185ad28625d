package io.cleanwire.normalizer.rest;

import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.language.LanguageGuess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code POST /api/v1/detect-language}: the language decision the pipeline makes today. */
@Path("/api/v1/detect-language")
public class LanguageResource {

  private final LanguageDetector detector;

  public LanguageResource(LanguageDetector detector) {
    this.detector = detector;
  }

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Language of a text",
      description =
          "Today the text itself is NOT analysed: the answer is the declared language (ISO 639-1,"
              + " confidence 0.5) when `declared` is a valid language tag, otherwise `und` with"
              + " confidence 0.0. Text-based detection comes in a later release.")
  public LanguageResponse detect(
      String text,
      @Parameter(description = "The feed's declared language, e.g. en-US") @QueryParam("declared")
          String declared) {
    LanguageGuess guess = detector.detect(text == null ? "" : text, declared);
    return new LanguageResponse(
        guess.language(),
        guess.confidence(),
        guess.candidates().stream()
            .map(c -> new LanguageResponse.Candidate(c.language(), c.confidence()))
            .toList());
  }

  /**
   * The answer of {@code detect-language}.
   *
   * @param language ISO 639-1 code or {@code und}
   * @param confidence 0.0–1.0
   * @param candidates languages considered, best first
   */
  public record LanguageResponse(String language, double confidence, List<Candidate> candidates) {

    /** One language considered. */
    public record Candidate(String language, double confidence) {}
  }
}

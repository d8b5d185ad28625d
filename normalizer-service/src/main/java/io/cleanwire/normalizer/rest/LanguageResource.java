package io.cleanwire.normalizer.rest;

import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.language.LanguageGuess;
import io.cleanwire.normalizer.language.LanguageHints;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code POST /api/v1/detect-language}: the language decision the pipeline makes for a text. */
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
          "Detects the language of the text (ISO 639-1, or `und` when the text cannot tell:"
              + " empty, numbers, a name) with its confidence and the top candidates. `declared`"
              + " (the feed's language) and `itemLanguage` (xml:lang) are soft priors: they tip"
              + " ambiguous short text, never clear text. Only the first 240 characters are read.")
  public LanguageResponse detect(
      String text,
      @Parameter(description = "The feed's declared language, e.g. en-US") @QueryParam("declared")
          String declared,
      @Parameter(description = "The entry's xml:lang, e.g. de") @QueryParam("itemLanguage")
          String itemLanguage) {
    LanguageGuess guess =
        detector.detect(text == null ? "" : text, new LanguageHints(declared, itemLanguage, null));
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

package io.cleanwire.normalizer.language;

import java.util.List;

/**
 * A language decision.
 *
 * @param language ISO 639-1 code, or {@code und}
 * @param confidence 0.0–1.0
 * @param candidates the languages considered, best first (empty when undetermined)
 * @param declarationValid false when a declaration was given but is not a language code
 */
public record LanguageGuess(
    String language, double confidence, List<Candidate> candidates, boolean declarationValid) {

  /** Language value for "cannot tell". */
  public static final String UNDETERMINED = "und";

  public LanguageGuess {
    candidates = List.copyOf(candidates);
  }

  /** One language considered and how likely it is. */
  public record Candidate(String language, double confidence) {}
}

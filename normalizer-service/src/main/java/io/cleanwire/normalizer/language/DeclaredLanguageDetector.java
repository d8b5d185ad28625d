package io.cleanwire.normalizer.language;

import java.util.List;

/**
 * Today's language decision: the feed's declaration, with confidence 0.5 because feeds often
 * declare a language once for all their entries; {@code und} with confidence 0.0 without one. The
 * text is not read yet.
 */
public final class DeclaredLanguageDetector implements LanguageDetector {

  /** Confidence given to a valid declaration: better than nothing, far from certain. */
  public static final double DECLARED_CONFIDENCE = 0.5;

  @Override
  public LanguageGuess detect(String text, String declaredLanguage) {
    return LanguageCodes.primary(declaredLanguage)
        .map(
            code ->
                new LanguageGuess(
                    code,
                    DECLARED_CONFIDENCE,
                    List.of(new LanguageGuess.Candidate(code, DECLARED_CONFIDENCE)),
                    true))
        .orElseGet(
            () ->
                new LanguageGuess(
                    LanguageGuess.UNDETERMINED,
                    0.0,
                    List.of(),
                    declaredLanguage == null || declaredLanguage.isBlank()));
  }
}

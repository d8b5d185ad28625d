package io.cleanwire.normalizer.language;

import java.util.List;

/**
 * The declaration-only decision: the feed's declaration, with confidence 0.5; {@code und} with
 * confidence 0.0 without one. Kept as the fallback answer when the text is not read (tests, and
 * before the models are loaded nothing else is possible).
 */
public final class DeclaredLanguageDetector implements LanguageDetector {

  /** Confidence given to a valid declaration: better than nothing, far from certain. */
  public static final double DECLARED_CONFIDENCE = 0.5;

  @Override
  public LanguageGuess detect(String text, LanguageHints hints) {
    String declaredLanguage = hints.declaredLanguage();
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

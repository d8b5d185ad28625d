package io.cleanwire.normalizer.language;

/**
 * Decides the language of an entry from its text, with the feed's declaration and other hints as
 * soft priors ({@link TextLanguageDetector}).
 */
public interface LanguageDetector {

  /**
   * @param text the plain text to judge (title and summary), may be empty
   * @param hints declaration, {@code xml:lang} and feed, each may be null
   */
  LanguageGuess detect(String text, LanguageHints hints);

  /** {@link #detect(String, LanguageHints)} with the feed's declaration as the only hint. */
  default LanguageGuess detect(String text, String declaredLanguage) {
    return detect(text, LanguageHints.declared(declaredLanguage));
  }
}

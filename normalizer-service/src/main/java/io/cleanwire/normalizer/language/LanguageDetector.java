package io.cleanwire.normalizer.language;

/**
 * Decides the language of an entry from its text and the feed's declaration.
 *
 * <p>Today's implementation ({@link DeclaredLanguageDetector}) trusts the declaration only; a text
 * detector (Lingua, with the declaration as a soft prior) replaces it in a later issue without
 * changing callers.
 */
public interface LanguageDetector {

  /**
   * @param text the plain text to judge (title and summary), may be empty
   * @param declaredLanguage the feed's declared language as written, may be null
   */
  LanguageGuess detect(String text, String declaredLanguage);
}

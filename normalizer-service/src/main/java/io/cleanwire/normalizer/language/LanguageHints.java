package io.cleanwire.normalizer.language;

/**
 * What is known about an entry's language besides its text; every hint is a soft prior, never the
 * answer (feeds declare one language for all their entries and are often wrong).
 *
 * @param declaredLanguage the feed's declared language as written ({@code en-US}), may be null
 * @param itemLanguage the entry's own {@code xml:lang}, may be null
 * @param feedKey identifies the feed whose observed language mix is a prior, may be null
 */
public record LanguageHints(String declaredLanguage, String itemLanguage, String feedKey) {

  /** No hints at all. */
  public static final LanguageHints NONE = new LanguageHints(null, null, null);

  /** Only a feed declaration. */
  public static LanguageHints declared(String declaredLanguage) {
    return new LanguageHints(declaredLanguage, null, null);
  }
}

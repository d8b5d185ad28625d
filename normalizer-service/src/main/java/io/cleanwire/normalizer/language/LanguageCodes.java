package io.cleanwire.normalizer.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a declared language tag ({@code en-US}, {@code ru}, {@code eng}) as an ISO 639-1 code. */
public final class LanguageCodes {

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
  private static final Map<String, String> FROM_ISO_639_2 = new HashMap<>();

  static {
    for (String code : Locale.getISOLanguages()) {
      try {
        FROM_ISO_639_2.put(new Locale(code).getISO3Language(), code);
      } catch (java.util.MissingResourceException e) {
        // no three-letter form known: nothing to map
      }
    }
  }

  private LanguageCodes() {}

  /** The ISO 639-1 code of the tag's primary subtag, or empty when it names no known language. */
  public static Optional<String> primary(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    if (primary.length() == 2 && ISO_639_1.contains(primary)) {
      return Optional.of(canonical(primary));
    }
    if (primary.length() == 3 && FROM_ISO_639_2.containsKey(primary)) {
      return Optional.of(canonical(FROM_ISO_639_2.get(primary)));
    }
    return Optional.empty();
  }

  /** Maps the legacy codes the JDK still lists to their current form. */
  private static String canonical(String code) {
    return switch (code) {
      case "iw" -> "he";
      case "in" -> "id";
      case "ji" -> "yi";
      default -> code;
    };
  }
}

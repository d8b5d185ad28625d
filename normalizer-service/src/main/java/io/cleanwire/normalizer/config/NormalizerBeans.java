package io.cleanwire.normalizer.config;

import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.dedup.DedupStore;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.normalizer.language.DeclaredLanguageDetector;
import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the plain-Java capability classes into CDI, configured from {@link NormalizerConfig}. */
@ApplicationScoped
public class NormalizerBeans {

  @Produces
  @ApplicationScoped
  LanguageDetector languageDetector() {
    return new DeclaredLanguageDetector();
  }

  @Produces
  @ApplicationScoped
  EntryNormalizer entryNormalizer(
      NormalizerConfig config, DedupStore store, LanguageDetector languageDetector) {
    return new EntryNormalizer(
        new HtmlSanitizer(),
        new UrlCanonicalizer(config.trackingParameters()),
        languageDetector,
        new StoryMatcher(store, config.contentMatchMinChars()),
        Clock.systemUTC());
  }
}

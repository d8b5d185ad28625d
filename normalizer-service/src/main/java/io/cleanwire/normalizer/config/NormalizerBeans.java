package io.cleanwire.normalizer.config;

import io.cleanwire.normalizer.boilerplate.Boilerplate;
import io.cleanwire.normalizer.boilerplate.BoilerplateRules;
import io.cleanwire.normalizer.boilerplate.FeedLineStore;
import io.cleanwire.normalizer.boilerplate.LineFilter;
import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.dedup.DedupStore;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import io.cleanwire.normalizer.language.DeclaredLanguageDetector;
import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the plain-Java capability classes into CDI, configured from {@link NormalizerConfig}. */
@ApplicationScoped
public class NormalizerBeans {

  @Produces
  @ApplicationScoped
  LanguageDetector languageDetector() {
    return new DeclaredLanguageDetector();
  }

  /** Boilerplate stripping as configured; null when switched off. */
  private static Boilerplate boilerplate(NormalizerConfig config, FeedLineStore lines) {
    NormalizerConfig.Boilerplate c = config.boilerplate();
    if (!c.enabled()) {
      return null;
    }
    BoilerplateRules rules =
        c.rulesFile()
            .map(f -> BoilerplateRules.fromFile(Path.of(f)))
            .orElseGet(BoilerplateRules::bundled);
    return new Boilerplate(
        new LineFilter(
            rules, new LineFilter.Repetition(c.repeatedLineMaxChars(), c.repeatedLineMinCount())),
        c.learn().enabled() ? lines : FeedLineStore.NONE,
        new Boilerplate.Learning(c.learn().enabled(), c.learn().maxLineChars()));
  }

  @Produces
  @ApplicationScoped
  EntryNormalizer entryNormalizer(
      NormalizerConfig config,
      DedupStore store,
      LanguageDetector languageDetector,
      FeedLineStore lines) {
    return new EntryNormalizer(
        new HtmlSanitizer(),
        new UrlCanonicalizer(config.trackingParameters()),
        languageDetector,
        new StoryMatcher(store, config.contentMatchMinChars()),
        Clock.systemUTC(),
        boilerplate(config, lines));
  }
}

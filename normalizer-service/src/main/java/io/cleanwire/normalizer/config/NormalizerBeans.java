package io.cleanwire.normalizer.config;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.normalizer.boilerplate.Boilerplate;
import io.cleanwire.normalizer.boilerplate.BoilerplateRules;
import io.cleanwire.normalizer.boilerplate.FeedLineStore;
import io.cleanwire.normalizer.boilerplate.LineFilter;
import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.language.FeedLanguageMix;
import io.cleanwire.normalizer.language.LanguageDetector;
import io.cleanwire.normalizer.language.TextLanguageDetector;
import io.cleanwire.normalizer.persistence.BandMirror;
import io.cleanwire.normalizer.persistence.JdbcNearIndex;
import io.cleanwire.normalizer.persistence.JdbcStoryDecider;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/** Wires the plain-Java capability classes into CDI, configured from {@link NormalizerConfig}. */
@ApplicationScoped
public class NormalizerBeans {

  @Produces
  @ApplicationScoped
  TextLanguageDetector textLanguageDetector(NormalizerConfig config) {
    NormalizerConfig.Language c = config.language();
    return new TextLanguageDetector(
        new TextLanguageDetector.Settings(
            c.sampleChars(),
            c.accurateBelowLetters(),
            Set.copyOf(c.accurateLanguages()),
            c.declaredWeight(),
            c.feedMixWeight()),
        new FeedLanguageMix(c.feedMixFeeds(), 20));
  }

  @Produces
  @ApplicationScoped
  NearDuplicates nearDuplicates(NormalizerConfig config, AgroalDataSource dataSource) {
    NormalizerConfig.Dedup d = config.dedup();
    return new NearDuplicates(
        new JdbcNearIndex(dataSource),
        new NearDuplicates.Settings(
            d.window(), d.minJaccard(), d.minContainment(), d.minShingles(), 1000),
        Clock.systemUTC());
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

  /** The replica's in-memory band index (empty, never loaded, with the database band table). */
  @Produces
  @jakarta.inject.Singleton
  BandMirror bandMirror(NormalizerConfig config) {
    return new BandMirror(config.dedup().expectedStories() * 14);
  }

  @Produces
  @ApplicationScoped
  EntryNormalizer entryNormalizer(
      NormalizerConfig config,
      AgroalDataSource dataSource,
      LanguageDetector languageDetector,
      FeedLineStore lines,
      NearDuplicates near,
      BandMirror mirror) {
    boolean memory = config.dedup().bandIndex() == NormalizerConfig.Dedup.BandIndex.MEMORY;
    return new EntryNormalizer(
        new HtmlSanitizer(),
        new UrlCanonicalizer(config.trackingParameters()),
        languageDetector,
        new JdbcStoryDecider(
            dataSource, config.contentMatchMinChars(), near, memory ? mirror : null),
        near,
        Clock.systemUTC(),
        boilerplate(config, lines));
  }
}

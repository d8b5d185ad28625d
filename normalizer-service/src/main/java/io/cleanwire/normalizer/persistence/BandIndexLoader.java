package io.cleanwire.normalizer.persistence;

import io.agroal.api.AgroalDataSource;
import io.cleanwire.normalizer.config.NormalizerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Loads the in-memory band index when the service starts (band-index=memory), so that the first
 * batch does not wait for it: ~12 s for 1,000,000 stories. If the database cannot be read yet, the
 * first batch loads it instead. Its size is published as {@code
 * cleanwire_normalizer_band_index_keys} and {@code …_holders} (~12 bytes of heap per key and ~40
 * per holder).
 */
@ApplicationScoped
public class BandIndexLoader {

  private static final Logger LOG = Logger.getLogger(BandIndexLoader.class);

  void onStart(
      @Observes StartupEvent event,
      NormalizerConfig config,
      AgroalDataSource dataSource,
      BandMirror mirror,
      MeterRegistry registry) {
    if (config.dedup().bandIndex() != NormalizerConfig.Dedup.BandIndex.MEMORY) {
      return;
    }
    Gauge.builder("cleanwire.normalizer.band.index.keys", mirror, BandMirror::size)
        .description("LSH band keys in this replica's in-memory band index")
        .register(registry);
    Gauge.builder("cleanwire.normalizer.band.index.holders", mirror, BandMirror::holders)
        .description("Entries holding band keys in this replica's in-memory band index")
        .register(registry);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // PostgreSQL streams the rows only inside a transaction
      try {
        mirror.load(c);
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("band index not loaded at start (the first batch will load it): %s", e.toString());
    }
  }
}

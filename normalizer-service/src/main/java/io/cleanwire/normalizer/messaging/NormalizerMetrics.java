package io.cleanwire.normalizer.messaging;

import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.Repair;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus counters of the pipeline: {@code cleanwire_normalizer_entries_total}, {@code
 * …_repairs_total{field,kind}}, {@code …_duplicates_total{matched_by}}, {@code
 * …_dead_letters_total{reason}}.
 */
@ApplicationScoped
public class NormalizerMetrics {

  private final MeterRegistry registry;
  private final Counter entries;

  public NormalizerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.entries =
        Counter.builder("cleanwire.normalizer.entries")
            .description("Entries normalized and handed to Kafka")
            .register(registry);
  }

  /** Counts one normalized entry, its repairs and its duplicate match. */
  public void normalized(EntryNormalizedEvent event) {
    entries.increment();
    for (Repair repair : event.repairs()) {
      registry
          .counter("cleanwire.normalizer.repairs", "field", repair.field(), "kind", repair.kind())
          .increment();
    }
    if (event.matchedBy() != null) {
      registry
          .counter(
              "cleanwire.normalizer.duplicates",
              "matched_by",
              event.matchedBy().name().toLowerCase(java.util.Locale.ROOT))
          .increment();
    }
  }

  /** Counts a record sent to the dead-letter topic; {@code reason} is a short stable word. */
  public void deadLettered(String reason) {
    registry.counter("cleanwire.normalizer.dead.letters", "reason", reason).increment();
  }
}

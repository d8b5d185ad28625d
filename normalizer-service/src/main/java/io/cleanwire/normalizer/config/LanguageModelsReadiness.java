package io.cleanwire.normalizer.config;

import io.cleanwire.normalizer.language.TextLanguageDetector;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Loads Lingua's models at startup on a background thread and keeps {@code /q/health/ready} DOWN
 * until they are loaded (~5 s), so that no replica takes traffic while its first entries would wait
 * for the load.
 */
@Readiness
@ApplicationScoped
public class LanguageModelsReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(LanguageModelsReadiness.class);
  private final AtomicReference<String> state = new AtomicReference<>("loading");

  void onStart(@Observes StartupEvent event, TextLanguageDetector detector) {
    Thread loader =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                detector.warmUp();
                state.set("loaded");
                LOG.infof("language models loaded ms=%d", (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                state.set("failed: " + e.getMessage());
                LOG.errorf(e, "language models failed to load reason=%s", e.getMessage());
              }
            },
            "language-model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  @Override
  public HealthCheckResponse call() {
    String s = state.get();
    return HealthCheckResponse.named("language-models")
        .status("loaded".equals(s))
        .withData("state", s)
        .build();
  }
}

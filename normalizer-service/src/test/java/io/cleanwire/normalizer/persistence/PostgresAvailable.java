package io.cleanwire.normalizer.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests when nothing listens on 127.0.0.1:5432, unless {@code
 * CLEANWIRE_REQUIRE_POSTGRES=true} (CI), where they run and fail.
 *
 * <p>A condition rather than an assumption in the test body: Quarkus starts the application (and
 * Flyway) before any test method runs, which would fail instead of skipping.
 */
public class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("true".equalsIgnoreCase(System.getenv("CLEANWIRE_REQUIRE_POSTGRES"))) {
      return ConditionEvaluationResult.enabled(
          "CLEANWIRE_REQUIRE_POSTGRES=true: PostgreSQL is required");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at 127.0.0.1:5432");
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled(
          "PostgreSQL not reachable at 127.0.0.1:5432 ("
              + e.getMessage()
              + "); skipped. Set CLEANWIRE_REQUIRE_POSTGRES=true to fail instead.");
    }
  }
}

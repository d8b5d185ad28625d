package io.cleanwire.fetcher.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests when nothing listens on 127.0.0.1:5432, unless {@code
 * CLEANWIRE_REQUIRE_POSTGRES=true}, where they run and fail.
 *
 * <p>A condition, not an assumption in a test method: Quarkus starts the application and Flyway
 * before any test method runs, so a missing database would fail the class instead of skipping it.
 */
public class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("true".equalsIgnoreCase(System.getenv("CLEANWIRE_REQUIRE_POSTGRES"))) {
      return ConditionEvaluationResult.enabled("CLEANWIRE_REQUIRE_POSTGRES=true");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at 127.0.0.1:5432");
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled(
          "skipped: PostgreSQL not reachable at 127.0.0.1:5432 ("
              + e.getMessage()
              + "); set CLEANWIRE_REQUIRE_POSTGRES=true to fail instead");
    }
  }
}

package io.cleanwire.publisher.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests when nothing listens on 127.0.0.1:5432, unless {@code
 * CLEANWIRE_REQUIRE_POSTGRES=true}, when they run and fail.
 *
 * <p>A condition rather than an assumption inside the test: a {@code @QuarkusTest} boots (and runs
 * Flyway against the database) before any test code runs, so an assumption would come too late.
 */
public class PostgresAvailable implements ExecutionCondition {

  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("true".equalsIgnoreCase(System.getenv("CLEANWIRE_REQUIRE_POSTGRES"))) {
      return ConditionEvaluationResult.enabled("CLEANWIRE_REQUIRE_POSTGRES=true: must run");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 1000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + HOST + ":" + PORT);
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled(
          "PostgreSQL not reachable at "
              + HOST
              + ":"
              + PORT
              + " ("
              + e.getMessage()
              + "); skipped. Set CLEANWIRE_REQUIRE_POSTGRES=true to make this a failure.");
    }
  }
}

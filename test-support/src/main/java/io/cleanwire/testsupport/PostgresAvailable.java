package io.cleanwire.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a PostgreSQL test class only when the test database answers, unless {@code
 * CLEANWIRE_REQUIRE_POSTGRES=true} (as in CI), which makes a missing database a failure.
 *
 * <p>A JUnit condition rather than an assumption: a {@code @QuarkusTest} boots and runs Flyway
 * before any assumption inside the class could run.
 */
public class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("true".equalsIgnoreCase(System.getenv("CLEANWIRE_REQUIRE_POSTGRES"))) {
      return ConditionEvaluationResult.enabled("CLEANWIRE_REQUIRE_POSTGRES=true: must run");
    }
    String where = PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(PostgresTestDatabase.HOST, PostgresTestDatabase.PORT), 1000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + where);
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled(
          "PostgreSQL not reachable at "
              + where
              + " ("
              + e.getMessage()
              + "); skipped. Set CLEANWIRE_REQUIRE_POSTGRES=true to make this a failure.");
    }
  }
}

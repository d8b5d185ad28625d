package io.cleanwire.normalizer.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test, migrated like the service's: tests that replay the corpus
 * must not meet the stories another test left in the shared one.
 */
final class FreshDatabase {

  private FreshDatabase() {}

  /** A new in-memory H2 database. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    migrate(ds, null);
    return ds;
  }

  /** A new schema in the test PostgreSQL (127.0.0.1:5432, database test). */
  static DataSource postgres() {
    String schema = "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(
        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
            + schema
            + "&reWriteBatchedInserts=true");
    ds.setUser("postgres");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    migrate(ds, schema);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(ds, schema)));
    return ds;
  }

  private static void drop(DataSource ds, String schema) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // the database may be gone already; the schema's name says what it was
    }
  }

  private static void migrate(DataSource ds, String schema) {
    var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      config = config.schemas(schema);
    }
    config.load().migrate();
  }
}

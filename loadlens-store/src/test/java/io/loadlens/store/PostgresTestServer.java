package io.loadlens.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against: the service at 127.0.0.1:5432 (trust auth, user
 * postgres) when it answers, else embedded PostgreSQL binaries; tests are skipped, saying why, when
 * neither can be had (embedded initdb refuses to run as root).
 */
final class PostgresTestServer {
  private static String hostPort;
  private static String why;
  private static EmbeddedPostgres embedded;

  private PostgresTestServer() {}

  static synchronized String hostPort() {
    if (hostPort == null && why == null) {
      if (answers("127.0.0.1", 5432)) {
        hostPort = "127.0.0.1:5432";
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
          hostPort = "127.0.0.1:" + embedded.getPort();
        } catch (Exception | Error e) {
          why = "no PostgreSQL at 127.0.0.1:5432 and embedded PostgreSQL failed: " + e;
        }
      }
    }
    Assumptions.assumeTrue(hostPort != null, () -> why);
    return hostPort;
  }

  private static boolean answers(String host, int port) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("connectTimeout", "2");
    try (Connection c =
        DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", p)) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /** A fresh database name, unique to this run. */
  static String newDatabaseName() {
    return "loadlens_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static String url(String db) {
    return "postgresql://postgres@" + hostPort() + "/" + db;
  }

  static void drop(String db) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + hostPort() + "/postgres", p);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
    } catch (Exception e) {
      throw new IllegalStateException("cannot drop test database " + db, e);
    }
  }
}

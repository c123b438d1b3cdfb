package io.loadlens.store;

import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class PostgresIngestPropertiesTest extends IngestProperties {
  private static String db;
  private static Store store;
  private static String skip;

  @BeforeContainer
  static void open() {
    try {
      db = PostgresTestServer.newDatabaseName();
      store = Stores.open(PostgresTestServer.url(db), Path.of("."));
    } catch (org.opentest4j.TestAbortedException e) {
      skip = e.getMessage();
    }
  }

  @AfterContainer
  static void close() {
    if (store != null) {
      store.close();
      PostgresTestServer.drop(db);
    }
  }

  @Override
  Store store() {
    org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, () -> skip);
    return store;
  }
}

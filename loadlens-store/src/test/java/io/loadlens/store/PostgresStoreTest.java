package io.loadlens.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class PostgresStoreTest extends StoreContractTest {
  private String db;

  @Override
  protected Store openEmpty() {
    String hp = PostgresTestServer.hostPort();
    db = PostgresTestServer.newDatabaseName();
    return Stores.open("postgresql://postgres@" + hp + "/" + db + "?pool=4", Path.of("."));
  }

  @AfterEach
  void dropDatabase() {
    if (store != null) {
      store.close();
      store = null;
    }
    if (db != null) {
      PostgresTestServer.drop(db);
    }
  }
}

package io.loadlens.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class PostgresStoreTest extends StoreContractTest {
  private final java.util.List<String> dbs = new java.util.ArrayList<>();

  @Override
  protected Store openEmpty() {
    String hp = PostgresTestServer.hostPort();
    String db = PostgresTestServer.newDatabaseName();
    dbs.add(db);
    return Stores.open("postgresql://postgres@" + hp + "/" + db + "?pool=4", Path.of("."));
  }

  @AfterEach
  void dropDatabase() {
    if (store != null) {
      store.close();
      store = null;
    }
    for (String db : dbs) {
      PostgresTestServer.drop(db);
    }
  }
}

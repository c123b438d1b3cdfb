package io.loadlens.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest extends StoreContractTest {
  @TempDir Path dir;
  private int n;

  @Override
  protected Store openEmpty() {
    return Stores.open("duckdb:" + dir.resolve("t" + (++n) + ".duckdb"), dir);
  }
}

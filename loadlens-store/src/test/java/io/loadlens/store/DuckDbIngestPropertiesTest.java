package io.loadlens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class DuckDbIngestPropertiesTest extends IngestProperties {
  private static Path dir;
  private static Store store;

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("loadlens-prop");
    store = Stores.open("duckdb:" + dir.resolve("p.duckdb"), dir);
  }

  @AfterContainer
  static void close() throws IOException {
    store.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Override
  Store store() {
    return store;
  }
}

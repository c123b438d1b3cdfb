package io.loadlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
  @TempDir Path dir;

  @Test
  void parsesPostgresUrlsWithAndWithoutJdbcPrefix() {
    PostgresStore.Config c = Stores.parsePostgres("postgresql://ll@db.example:6543/meters?pool=3");
    assertThat(c.host()).isEqualTo("db.example");
    assertThat(c.port()).isEqualTo(6543);
    assertThat(c.database()).isEqualTo("meters");
    assertThat(c.user()).isEqualTo("ll");
    assertThat(c.poolSize()).isEqualTo(3);
    PostgresStore.Config d = Stores.parsePostgres("jdbc:postgresql://u:s3cret@h/db");
    assertThat(d.port()).isEqualTo(5432);
    assertThat(d.password()).isEqualTo("s3cret");
    assertThat(d.toString()).doesNotContain("s3cret");
    assertThat(Stores.parsePostgres("postgres://h/db").user()).isEqualTo("postgres");
  }

  @Test
  void badUrlsAreRejectedNamingTheUrl() {
    assertThatThrownBy(() -> Stores.open("mysql://h/db", dir))
        .isInstanceOf(StoreConfigurationException.class)
        .hasMessageContaining("'mysql://h/db'");
    assertThatThrownBy(() -> Stores.parsePostgres("postgresql://h/db?color=red"))
        .hasMessageContaining("unknown parameter 'color'");
    assertThatThrownBy(() -> Stores.parsePostgres("postgresql://h:99999/db"))
        .hasMessageContaining("port 99999");
    assertThatThrownBy(() -> Stores.parsePostgres("postgresql://h/my-db"))
        .hasMessageContaining("database name 'my-db'");
  }

  @Test
  void defaultIsTheDuckDbFileInTheDataFolderAndReopeningKeepsData() {
    try (Store s = Stores.open(null, dir.resolve("data"))) {
      s.ingest(List.of(Fixtures.batch(Fixtures.series("m1", 0, 5))));
    }
    assertThat(Files.exists(dir.resolve("data").resolve(Stores.DEFAULT_FILE))).isTrue();
    try (Store s = Stores.open("duckdb:", dir.resolve("data"))) {
      assertThat(s.rawRowCount()).isEqualTo(5);
      assertThat(s.ingest(List.of(Fixtures.batch(Fixtures.series("m1", 0, 5)))).inserted())
          .isZero();
    }
  }
}

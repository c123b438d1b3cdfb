package io.loadlens.store;

import static io.loadlens.store.Fixtures.ENERGY;
import static io.loadlens.store.Fixtures.T0;
import static io.loadlens.store.Fixtures.batch;
import static io.loadlens.store.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

  /**
   * A call whose rows are not stored yet is copied straight into raw_data. Here another transaction
   * holds one of its keys uncommitted, so the copy waits for it; when that commits, the copy is
   * rolled back to its savepoint and the call takes the staging path: the other row counts as a
   * duplicate and everything else is inserted once.
   */
  @Test
  void directCopyThatMeetsAConcurrentlyStoredRowFallsBackToStaging() throws Exception {
    String db = dbs.get(dbs.size() - 1);
    MeterId m = MeterId.of("meter-c");
    store.ingest(List.of(batch(series("meter-p", 0, 1)))); // creates the month's partition
    try (Connection other =
        DriverManager.getConnection(
            "jdbc:postgresql://" + PostgresTestServer.hostPort() + "/" + db, "postgres", null)) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute(
            "INSERT INTO raw_data VALUES ('meter-c', '"
                + ENERGY
                + "', to_timestamp("
                + (T0 + 3 * 900)
                + "), "
                + Fixtures.value("meter-c", 3)
                + ", 'Wh', 0, 'VALID', 'other', now())");
      }
      CompletableFuture<IngestResult> ingest =
          CompletableFuture.supplyAsync(
              () -> store.ingest(List.of(batch(series("meter-c", 0, 10)))));
      waitUntilACopyWaitsForALock(db);
      other.commit();
      assertThat(ingest.get(30, TimeUnit.SECONDS)).isEqualTo(new IngestResult(10, 9, 1, 0));
    }
    assertThat(store.readRaw(m, ENERGY, null, null)).isEqualTo(series("meter-c", 0, 10));
  }

  /**
   * A call within one month is copied into that month's partition directly; a call across a month
   * boundary is copied through raw_data, which routes each row. Either way every row lands in the
   * partition of its own month, once.
   */
  @Test
  void directCopiesLandEachRowInItsMonthsPartition() throws Exception {
    String db = dbs.get(dbs.size() - 1);
    store.ingest(List.of(batch(series("meter-a", 0, 96)))); // January only
    store.ingest(List.of(batch(series("meter-b", -4, 8)))); // 4 rows in December, 4 in January
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + PostgresTestServer.hostPort() + "/" + db, "postgres", null);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT tableoid::regclass::text, meter_id, count(*) FROM raw_data"
                    + " GROUP BY 1, 2 ORDER BY 1, 2")) {
      List<String> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
      }
      assertThat(rows)
          .containsExactly(
              "raw_data_p202512 meter-b 4",
              "raw_data_p202601 meter-a 96",
              "raw_data_p202601 meter-b 4");
    }
  }

  /** Polls on its own connection: within one transaction pg_stat_activity would not change. */
  private static void waitUntilACopyWaitsForALock(String db) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + PostgresTestServer.hostPort() + "/" + db, "postgres", null);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'COPY raw_data%'")) {
      for (int i = 0; i < 600; i++) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("no COPY into raw_data waited for the uncommitted row within 30 s");
  }
}

package io.loadlens.store;

import static io.loadlens.store.Fixtures.ENERGY;
import static io.loadlens.store.Fixtures.at;
import static io.loadlens.store.Fixtures.batch;
import static io.loadlens.store.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.internal.DuckDbSeries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest extends StoreContractTest {
  @TempDir Path dir;
  private int n;

  @Override
  protected Store openEmpty() {
    return Stores.open("duckdb:" + dir.resolve("t" + (++n) + ".duckdb"), dir);
  }

  /**
   * Only rows at or before a channel's latest stored time are matched against the stored rows; the
   * latest time is read from the file when it is opened, so a re-send after a restart is still
   * matched: a gap before the latest time is filled, the rest counted, a changed value recorded.
   */
  @Test
  void reSendAfterReopeningFillsTheGapAndRecordsTheChangedValue() {
    Path file = dir.resolve("reopen.duckdb");
    MeterId m = MeterId.of("meter-r");
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      s.ingest(List.of(batch(series("meter-r", 0, 5)), batch(series("meter-r", 10, 5))));
    }
    IntervalSeries all = series("meter-r", 0, 15);
    double[] v = all.values().clone();
    v[2] += 1;
    IntervalSeries changed = IntervalSeries.of(m, ENERGY, all.unit(), all.epochSeconds(), v);
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      IngestResult r = s.ingest(List.of(batch(changed)));
      assertThat(r).isEqualTo(new IngestResult(15, 5, 9, 1));
      assertThat(s.readRaw(m, ENERGY, null, null)).isEqualTo(all);
      assertThat(s.conflicts(m)).hasSize(1);
      assertThat(s.conflicts(m).get(0).timestamp()).isEqualTo(at(2));
    }
  }

  /** Channels, last captures and which meters have edits are known again after reopening. */
  @Test
  void seriesAndEditsAreKnownAfterReopening() {
    Path file = dir.resolve("known.duckdb");
    MeterId m = MeterId.of("meter-k");
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      s.ingest(List.of(batch(series("meter-k", 0, 8))));
      s.replaceValidated(StoreContractTest.validated(m, 0, 8, 1, "1"));
      s.recordEdit(new ManualEdit(m, ENERGY, at(3), 7, "ann", "fix", at(50)));
    }
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      assertThat(s.channels(m)).containsExactly(ENERGY);
      assertThat(s.lastCaptureTime(m, ENERGY)).contains(at(7));
      assertThat(s.edits(m)).hasSize(1);
      assertThat(s.readValidated(m, ENERGY, null, null).orElseThrow().values()[3]).isEqualTo(7);
      assertThat(s.readRaw(m, ENERGY, null, null)).isEqualTo(series("meter-k", 0, 8));
    }
  }

  /**
   * Meter ids sharing their first 8 bytes ("SIM-0000…") defeat DuckDB's string zone maps; the
   * integer series id does not. 300 meters of 1,000 rows arrive in three calls of interleaved
   * meters (every third meter per call), so every row group spans nearly the whole range of meter
   * ids: filtering on the meter id text scans every row group, on the series id only those of its
   * call.
   */
  @Test
  void readingOneSeriesScansOnlyTheRowGroupsHoldingIt() throws SQLException {
    Path file = dir.resolve("prune.duckdb");
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      for (int k = 0; k < 3; k++) {
        List<ReadingBatch> call = new ArrayList<>();
        for (int m = k; m < 300; m += 3) {
          call.add(batch(series(String.format(Locale.ROOT, "SIM-%05d", m), 0, 1000)));
        }
        s.ingest(call);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      long id;
      try (ResultSet rs =
          st.executeQuery("SELECT series_id FROM series WHERE meter_id = 'SIM-00151'")) {
        rs.next();
        id = rs.getLong(1);
      }
      String range =
          " AND \"timestamp\" >= to_timestamp(0) AND \"timestamp\" < to_timestamp(4102444800)";
      int[] byId =
          rowGroupsScanned(
              st,
              DuckDbSeries.RAW_SQL.substring(0, DuckDbSeries.RAW_SQL.indexOf("?")) + id + range);
      int[] byText =
          rowGroupsScanned(
              st,
              "SELECT value FROM raw_data WHERE meter_id = 'SIM-00151' AND obis = '"
                  + ENERGY
                  + "'"
                  + range);
      assertThat(byId[1]).isGreaterThanOrEqualTo(3);
      assertThat(byId[0]).isLessThanOrEqualTo(2);
      assertThat(byText[0]).isEqualTo(byText[1]);
    }
  }

  /** {scanned, total} from DuckDB's EXPLAIN ANALYZE of the query. */
  private static int[] rowGroupsScanned(Statement st, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = st.executeQuery("EXPLAIN ANALYZE " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(2));
      }
    }
    java.util.regex.Matcher g =
        java.util.regex.Pattern.compile("Row Groups Scanned: (\\d+) / (\\d+)").matcher(plan);
    assertThat(g.find()).as(plan.toString()).isTrue();
    return new int[] {Integer.parseInt(g.group(1)), Integer.parseInt(g.group(2))};
  }
}

package io.loadlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written at schema version 1 (before integer series keys; see {@code
 * src/test/resources/legacy/README.md}) is migrated when opened and reads back what was written.
 */
class DuckDbMigrationTest {
  static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  static final ObisCode VOLTS = ObisCode.parse("1-0:32.7.0.255");
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
  static final List<String> METERS = List.of("SIM-00001", "SIM-00002", "SIM-00010");

  @TempDir Path dir;
  Path file;

  @BeforeEach
  void copyLegacyFile() throws Exception {
    file = dir.resolve("legacy.duckdb");
    try (InputStream in =
        new GZIPInputStream(
            getClass().getClassLoader().getResourceAsStream("legacy/schema-v1.duckdb.gz"))) {
      Files.copy(in, file);
    }
  }

  @Test
  void migratedFileReadsBackEveryRawRowWithItsUnitAndStatus() {
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      assertThat(s.rawRowCount()).isEqualTo(576);
      for (String m : METERS) {
        MeterId id = MeterId.of(m);
        assertThat(s.channels(id)).containsExactly(ENERGY, VOLTS);
        IntervalSeries e = s.readRaw(id, ENERGY, null, null);
        assertThat(e.size()).isEqualTo(96);
        assertThat(e.unit()).isEqualTo(Unit.WATT_HOUR);
        assertThat(e.values()[0]).isEqualTo(m.hashCode() % 7);
        assertThat(e.values()[95]).isEqualTo(950.0 + m.hashCode() % 7);
        assertThat(e.status()[5]).isEqualTo(1);
        assertThat(e.epochSeconds()[95]).isEqualTo(T0 + 95 * 900L);
        assertThat(s.readRaw(id, VOLTS, null, null).unit()).isEqualTo(Unit.VOLT);
        assertThat(s.lastCaptureTime(id, ENERGY)).contains(Instant.ofEpochSecond(T0 + 95 * 900L));
      }
      assertThat(s.conflicts(MeterId.of("SIM-00001"))).hasSize(1);
    }
  }

  @Test
  void migratedFileKeepsTheValidatedSeriesAndItsEdit() {
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      MeterId m = MeterId.of("SIM-00002");
      ValidatedSeries v = s.readValidated(m, ENERGY, null, null).orElseThrow();
      assertThat(v.size()).isEqualTo(96);
      assertThat(v.veeVersion()).isEqualTo("1.1.0");
      assertThat(v.intervalSeconds()).isEqualTo(900);
      assertThat(v.quality()[3]).isEqualTo(Quality.ESTIMATED);
      assertThat(v.method()[3]).isEqualTo(EstimationMethod.values()[0]);
      assertThat(v.values()[7]).isNaN();
      assertThat(v.quality()[7]).isEqualTo(Quality.MISSING);
      assertThat(v.values()[10]).isEqualTo(42);
      assertThat(v.quality()[10]).isEqualTo(Quality.EDITED);
      assertThat(s.edits(m)).extracting(ManualEdit::user).containsExactly("alice");
      assertThat(s.readValidated(MeterId.of("SIM-00001"), ENERGY, null, null)).isEmpty();
    }
  }

  @Test
  void migratedFileTakesNewRowsAndCountsReSentOnes() {
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      MeterId m = MeterId.of("SIM-00010");
      long[] t = new long[100];
      double[] v = new double[100];
      for (int i = 0; i < 100; i++) {
        t[i] = T0 + i * 900L;
        v[i] = i < 96 ? i * 10.0 + m.value().hashCode() % 7 : 1;
      }
      IntervalSeries more = IntervalSeries.of(m, ENERGY, Unit.WATT_HOUR, t, v);
      IngestResult r =
          s.ingest(
              List.of(
                  new ReadingBatch(UUID.randomUUID(), m, "dlms", Instant.now(), List.of(more))));
      assertThat(r).isEqualTo(new IngestResult(100, 4, 96, 0));
      assertThat(s.readRaw(m, ENERGY, null, null).size()).isEqualTo(100);
      assertThat(s.rawRowCount()).isEqualTo(580);
    }
  }

  @Test
  void migrationGivesEverySeriesOneIdAndStoresTheRowsInSeriesOrder() throws SQLException {
    Stores.open("duckdb:" + file, dir).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      assertThat(longs(st, "SELECT max(version) FROM schema_version")).containsExactly(2L);
      assertThat(longs(st, "SELECT count(*) FROM series")).containsExactly(6L);
      assertThat(
              longs(
                  st,
                  "SELECT count(*) FROM raw_data r JOIN series s USING (series_id)"
                      + " WHERE r.meter_id <> s.meter_id OR r.obis <> s.obis"))
          .containsExactly(0L);
      assertThat(
              longs(
                  st,
                  "SELECT count(*) FROM validated_data v JOIN series s USING (series_id)"
                      + " WHERE v.meter_id = s.meter_id AND v.obis = s.obis"))
          .containsExactly(96L);
      // stored in series order: the ids never decrease in the table's scan order
      List<Long> ids = longs(st, "SELECT series_id FROM raw_data");
      assertThat(ids).isSorted();
    }
  }

  private static List<Long> longs(Statement st, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}

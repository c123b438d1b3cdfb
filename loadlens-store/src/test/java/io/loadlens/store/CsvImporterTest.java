package io.loadlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
  static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  @TempDir Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Stores.open(null, dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  ImportReport load(ColumnMapping m, String text, boolean gzip) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
        gz.write(bytes);
      }
      bytes = bo.toByteArray();
    }
    return new CsvImporter(store, m, Clock.systemUTC())
        .importStream(new ByteArrayInputStream(bytes));
  }

  static final String SGSC_HEADER =
      "\"customer_id\",\"reading_datetime\",\"general_supply_kwh\",\"controlled_load_kwh\","
          + "\"gross_generation_kwh\"\n";

  @Test
  void sgscRowsBecomeWattHoursAtSydneyLocalTime() throws IOException {
    String csv =
        SGSC_HEADER
            + "10006414,\"2012-02-10 08:00:00\",0.141,0,0\n"
            + "10006414,\"2012-02-10 08:30:00\",0.088,0,0\n";
    ImportReport r = load(ColumnMapping.sgsc50(), csv, true);
    assertThat(r.rowsRead()).isEqualTo(2);
    assertThat(r.valuesStored()).isEqualTo(2);
    IntervalSeries s = store.readRaw(MeterId.of("10006414"), ENERGY, null, null);
    // 08:00 in Sydney during DST (UTC+11) is 21:00 UTC the day before
    assertThat(s.time(0)).isEqualTo(Instant.parse("2012-02-09T21:00:00Z"));
    assertThat(s.values()).containsExactly(141.0, 88.0);
    assertThat(s.unit()).isEqualTo(Unit.WATT_HOUR);
  }

  @Test
  void repeatedLocalTimeInTheAutumnOverlapTakesTheLaterOffset() throws IOException {
    // Sydney left DST on 2012-04-01 at 03:00 local (back to 02:00): 02:00 and 02:30 occur twice
    StringBuilder csv = new StringBuilder(SGSC_HEADER);
    for (String t : new String[] {"01:30", "02:00", "02:30", "02:00", "02:30", "03:00"}) {
      csv.append("7,\"2012-04-01 ").append(t).append(":00\",0.1,0,0\n");
    }
    ImportReport r = load(ColumnMapping.sgsc50(), csv.toString(), false);
    assertThat(r.valuesStored()).isEqualTo(6);
    IntervalSeries s = store.readRaw(MeterId.of("7"), ENERGY, null, null);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.epochSeconds()[i] - s.epochSeconds()[i - 1]).isEqualTo(1800);
    }
  }

  @Test
  void badLinesAreRejectedNamingLineAndField() throws IOException {
    String csv =
        SGSC_HEADER
            + "1,\"2012-02-10 08:00:00\",0.1,0,0\n"
            + "1,\"2012-02-10 08:30:00\",abc,0,0\n"
            + "1,\"2012-02-10 25:00:00\",0.1,0,0\n"
            + "1,\"2012-02-10 09:10:00\",0.1,0,0\n"
            + "bad id!,\"2012-02-10 09:00:00\",0.1,0,0\n"
            + "1,\"2012-10-07 02:30:00\",0.1,0,0\n"
            + "1\n";
    ImportReport r = load(ColumnMapping.sgsc50(), csv, false);
    assertThat(r.rowsRead()).isEqualTo(7);
    assertThat(r.valuesStored()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(6);
    assertThat(r.rejections())
        .containsExactly(
            "line 3: field general_supply_kwh: 'abc' is not a number",
            "line 4: field reading_datetime: '2012-02-10 25:00:00' does not match"
                + " yyyy-MM-dd HH:mm:ss",
            "line 5: field reading_datetime: '2012-02-10 09:10:00' is not on the 1800 s interval"
                + " grid",
            "line 6: field customer_id: meter id 'bad id!' is invalid: use 1 to 64 letters,"
                + " digits, '.', '_', ':' or '-'",
            "line 7: field reading_datetime: local time '2012-10-07 02:30:00' does not exist in"
                + " Australia/Sydney (clocks went forward)",
            "line 8: field reading_datetime is missing (1 fields)");
  }

  @Test
  void greenButtonFileSkipsThePreambleAndReadsUsage() throws IOException {
    String csv =
        "Name,JANE DOE\n"
            + "Address,\"1 MAIN ST, SPRINGFIELD\"\n"
            + "Account Number,12345\n"
            + "\n"
            + "TYPE,DATE,START TIME,END TIME,USAGE,UNITS,COST,NOTES\n"
            + "Electric usage,2013-01-01,00:00,00:14,0.09,kWh,$0.02,\n"
            + "Electric usage,2013-01-01,00:15,00:29,0.12,kWh,$0.03,\n";
    MeterId gb = MeterId.of("gb-1");
    ImportReport r =
        load(ColumnMapping.greenButton(gb, ZoneId.of("America/Los_Angeles"), 900), csv, false);
    assertThat(r.rowsRead()).isEqualTo(2);
    assertThat(r.rejected()).isZero();
    IntervalSeries s = store.readRaw(gb, ENERGY, null, null);
    assertThat(s.time(0)).isEqualTo(Instant.parse("2013-01-01T08:00:00Z"));
    assertThat(s.values()).containsExactly(90.0, 120.0);
  }

  @Test
  void reImportingAFileStoresNothingNew() throws IOException {
    String csv = SGSC_HEADER + "1,\"2012-02-10 08:00:00\",0.1,0,0\n";
    load(ColumnMapping.sgsc50(), csv, false);
    ImportReport again = load(ColumnMapping.sgsc50(), csv, false);
    assertThat(again.valuesStored()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
  }

  @Test
  void missingColumnIsReportedWithTheHeader() {
    assertThatThrownBy(() -> load(ColumnMapping.sgsc50(), "a,b\n1,2\n", false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no column 'reading_datetime'");
  }

  @Test
  void importsTheRealSgsc50Extract() throws IOException {
    String shared = System.getProperty("loadlens.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "sgsc50.csv.gz");
    Assumptions.assumeTrue(file != null && Files.exists(file), "shared data folder absent");
    ImportReport r =
        new CsvImporter(store, ColumnMapping.sgsc50(), Clock.systemUTC()).importFile(file);
    assertThat(r.rowsRead()).isEqualTo(1_278_870);
    // the extract labels some intervals with local times that do not exist (the spring-forward
    // hour); those lines are rejected with the reason, everything else is stored
    assertThat(r.rejected()).isLessThan(1000);
    assertThat(r.rejections()).allMatch(x -> x.contains("does not exist in Australia/Sydney"));
    assertThat(r.valuesStored() + r.duplicates() + r.conflicts() + r.rejected())
        .isEqualTo(r.rowsRead());
    assertThat(store.rawRowCount()).isEqualTo(r.valuesStored());
    assertThat(store.lastCaptureTimes(ENERGY)).hasSize(50);
  }
}

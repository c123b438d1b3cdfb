package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on a small fleet, and its idempotence. */
class DemoCommandTest {
  @TempDir Path dir;

  private CliRun demo() {
    return CliRun.run(
        "demo",
        "--meters",
        "8",
        "--days",
        "3",
        "--data",
        dir.toString(),
        "--first-address",
        "127.3.0.1",
        "--faults",
        "missing-entries=0.25,wrong-key=0.125");
  }

  @Test
  void collectsStoresValidatesAnalysesAndReportsAndASecondRunAddsNoRows() throws Exception {
    CliRun first = demo();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("SUCCESS: Profile Transferred meter=SIM-")
        .contains("FAILURE code=0x05")
        .contains("Collected 7 of 8 meters")
        .contains("VEE ")
        .contains("Fleet peak: ")
        .contains("Report: ");
    assertThat(dir.resolve("report/index.html")).exists();
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("report/report.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      assertThat(new PDFTextStripper().getText(pdf)).contains("page 1 of");
    }
    assertThat(Files.readString(dir.resolve("log/ingest.log")))
        .contains("SUCCESS: Profile Transferred", "FAILURE code=0x05");
    long rows;
    try (Store store = Stores.open(null, dir)) {
      rows = store.rawRowCount();
      assertThat(rows).isGreaterThan(7 * 3 * 96);
      assertThat(store.insights("fleet")).isNotEmpty();
      // Each analysed consumer knows its segment, as the fleet's segmentation names it.
      String segments = store.insight("fleet", "segments").orElseThrow().json();
      String own = store.insight("SIM-00001", "segment").orElseThrow().json();
      String label = own.replaceAll("(?s).*\"label\":\"([^\"]+)\".*", "$1");
      assertThat(segments).contains("\"label\":\"" + label + "\"").contains("\"SIM-00001\"");
      assertThat(own).contains("\"routineShape\":[").doesNotContain("SIM-00002");
    }
    assertThat(newRows(first.out())).isEqualTo(rows);

    CliRun report =
        CliRun.run(
            "report", "--pdf", "--data", dir.toString(), "--out", dir.resolve("r2").toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("PDF: ");
    assertThat(Files.readString(dir.resolve("r2/report.pdf"), StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
    assertThat(
            CliRun.run("report", "--pdf", "--meter", "SIM-00001", "--data", dir.toString()).err())
        .contains("--pdf is for the fleet report");

    CliRun second = demo();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(newRows(second.out())).isZero();
    try (Store store = Stores.open(null, dir)) {
      assertThat(store.rawRowCount()).isEqualTo(rows);
    }
  }

  private static long newRows(String out) {
    Matcher m = Pattern.compile("(\\d+) new in raw_data").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aNegativeIntervalIsAUsageErrorNamingTheField() {
    CliRun r = CliRun.run("demo", "--interval", "-5", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("intervalMinutes -5");
  }

  @Test
  void aTypoInTheConfigFileStopsWithFileLineAndKey() throws Exception {
    Path cfg = dir.resolve("loadlens.yaml");
    Files.writeString(cfg, "data_dir: " + dir + "\ncolector:\n  interval_minutes: 15\n");
    CliRun r = CliRun.run("vee", "--config-file", cfg.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(cfg + ":2: unknown key 'colector'");
  }

  @Test
  void aMissingKeyFileStopsTheCollectorNamingIt() throws Exception {
    Path fleet = dir.resolve("fleet.yaml");
    Files.writeString(
        fleet,
        "client_system_title: 4C4C4E0000000001\nmeters:\n  - id: M1\n    host: 127.3.1.1\n    port: 4059\n"
            + "    framing: wrapper\n    client_address: 1\n    server_logical_address: 1\n    server_physical_address: 17\n"
            + "    security: hls-gmac\n    system_title: 4C4C530000000001\n    key_file: keys/M1.keys\n"
            + "    obis: [1-0:99.1.0.255]\n    group: g\n    interval_minutes: 15\n");
    CliRun r = CliRun.run("ingest-profile", "--config", fleet.toString(), "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("M1.keys");
  }
}

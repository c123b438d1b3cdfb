package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's path through the CLI: import 30-minute CSV data, validate it (each meter on its
 * own capture period), correct one interval by hand, export what was stored.
 */
class ImportToExportTest {
  static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
  static final int DAYS = 14;
  static final ObjectMapper JSON = new ObjectMapper();

  /** Two meters, 30-minute kWh; M1 misses two intervals on day 3. */
  static Path csv(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("meter,time,kwh\n");
    for (String m : List.of("M1", "M2")) {
      for (int i = 0; i < DAYS * 48; i++) {
        if (m.equals("M1") && (i == 3 * 48 + 20 || i == 3 * 48 + 21)) {
          continue;
        }
        Instant t = START.plus(Duration.ofMinutes(30L * i));
        // an evening peak and a little variation (a constant run would be a suspect flat line)
        double kwh =
            0.2
                + 0.01 * (i % 7)
                + (i % 48 >= 36 && i % 48 < 44 ? 0.6 : 0)
                + (m.equals("M2") ? 0.1 : 0);
        sb.append(m).append(',').append(t).append(',').append(kwh).append('\n');
      }
    }
    Path f = dir.resolve("readings.csv");
    Files.writeString(f, sb);
    return f;
  }

  @Test
  void importsValidatesOnTheDatasOwnPeriodEditsAndExports(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    CliRun imported =
        CliRun.run(
            "import",
            "--csv",
            csv(dir).toString(),
            "--meter-column",
            "meter",
            "--timestamp-column",
            "time",
            "--value",
            "kwh=1-0:1.29.0.255:Wh:1000",
            "--interval",
            "30",
            "--data",
            data);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains((2 * DAYS * 48 - 2) + " values offered");

    // no --interval: 30-minute rows are validated on a 30-minute grid, so only M1's two holes
    // are estimated (on a 15-minute grid every other interval would be missing)
    CliRun vee = CliRun.run("vee", "--data", data, "--json");
    assertThat(vee.exitCode()).as(vee.err()).isZero();
    JsonNode q = JSON.readTree(vee.out()).get("intervalsByQuality");
    assertThat(q.path("ESTIMATED").asInt()).isEqualTo(2);
    assertThat(q.path("MISSING").asInt()).isZero();
    assertThat(q.path("VALID").asInt()).isEqualTo(2 * DAYS * 48 - 2);

    Instant at = START.plus(Duration.ofMinutes(30L * 100));
    CliRun edit =
        CliRun.run(
            "edit",
            "--meter",
            "M1",
            "--at",
            at.toString(),
            "--value",
            "123.5",
            "--user",
            "analyst1",
            "--reason",
            "site visit reading",
            "--data",
            data);
    assertThat(edit.exitCode()).as(edit.err()).isZero();

    Path out = dir.resolve("m1.csv");
    CliRun export = CliRun.run("export", "--meter", "M1", "--out", out.toString(), "--data", data);
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).startsWith("meter_id,obis,timestamp,value,unit,quality");
    assertThat(rows)
        .anyMatch(r -> r.contains(at.toString()) && r.contains("123.5") && r.contains("EDITED"));
    assertThat(rows).filteredOn(r -> r.contains(",ESTIMATED")).hasSize(2);
  }
}

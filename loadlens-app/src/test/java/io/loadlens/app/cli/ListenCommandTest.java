package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenCommandTest {
  @TempDir Path dir;

  @Test
  void storesDecryptedWirelessMbusReadingsOnceHoweverOftenTheyAreReplayed() throws Exception {
    Path lines = dir.resolve("telegrams.txt");
    Files.writeString(
        lines,
        "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3\n"
            + "T1;1;1;2019-01-01 00:00:00.000;-60;;;0x2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24\n"
            + "not a telegram\n");
    Path keys = dir.resolve("wmbus.keys");
    Files.writeString(
        keys,
        "ELS-12345678=0102030405060708090A0B0C0D0E0F11\nKAM-76348799=28F64A24988064A079AA2C807D6102AE\n");
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
    Path data = dir.resolve("data");

    CliRun first =
        CliRun.run(
            "listen",
            "wmbus",
            "--input",
            lines.toString(),
            "--keys",
            keys.toString(),
            "--data",
            data.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("wM-Bus: 2 telegrams", "1 bad")
        .contains("bad telegram (line 3)");
    try (Store store = Stores.open(null, data)) {
      assertThat(store.meter(MeterId.of("KAM-76348799"))).isPresent();
      assertThat(store.channels(MeterId.of("ELS-12345678"))).isNotEmpty();
      ObisCode water = store.channels(MeterId.of("KAM-76348799")).get(0);
      assertThat(store.readRaw(MeterId.of("KAM-76348799"), water, null, null).values())
          .contains(6.408);
    }
    CliRun again =
        CliRun.run(
            "listen",
            "wmbus",
            "--input",
            lines.toString(),
            "--keys",
            keys.toString(),
            "--data",
            data.toString());
    assertThat(again.out()).contains(", 0 new,");
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws Exception {
    Path keys = dir.resolve("open.keys");
    Files.writeString(keys, "KAM-76348799=28F64A24988064A079AA2C807D6102AE\n");
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));
    Path lines = dir.resolve("t.txt");
    Files.writeString(lines, "");
    CliRun r =
        CliRun.run(
            "listen",
            "wmbus",
            "--input",
            lines.toString(),
            "--keys",
            keys.toString(),
            "--data",
            dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("open.keys");
  }

  /** Two real P1 telegrams of two meters (DSMR 4.2 Kaifa, DSMR 5.0 Iskra) in one capture file. */
  static Path twoMeterP1Capture(Path dir) throws java.io.IOException {
    ByteArrayOutputStream capture = new ByteArrayOutputStream();
    for (String name : new String[] {"dsmr42-kaifa-ma105.txt", "dsmr50-iskra-am550.txt"}) {
      capture.write(
          Objects.requireNonNull(ListenCommandTest.class.getResourceAsStream("/decode/" + name))
              .readAllBytes());
    }
    Path file = dir.resolve("p1.cap");
    Files.write(file, capture.toByteArray());
    return file;
  }

  @Test
  void storesP1ProfileRowsAndValuesFromACaptureFile() throws Exception {
    Path file = twoMeterP1Capture(dir);
    Path data = dir.resolve("data");
    CliRun r =
        CliRun.run(
            "listen", "p1", "--file", file.toString(), "--all-values", "--data", data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 telegrams, 0 bad");
    try (Store store = Stores.open(null, data)) {
      assertThat(store.meters()).hasSize(2);
      assertThat(store.rawRowCount()).isGreaterThan(20);
    }
  }

  @Test
  void needsExactlyOneP1Source() {
    CliRun r = CliRun.run("listen", "p1", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("give exactly one of --device PATH, --tcp HOST:PORT, --file FILE");
  }
}

package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.TtySerialLine;
import io.loadlens.iec21.testkit.SimulatedModeCMeter;
import io.loadlens.iec21.testkit.SimulatedModeCMeter.Fault;
import io.loadlens.iec21.testkit.Socat;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code loadlens readout} against a simulated meter on the other end of a pseudo-terminal. */
@Timeout(120)
class ReadoutCommandTest {
  static final String BLOCK =
      String.join(
              "\r\n",
              "0.0.0(71234567)",
              "1-0:1.8.0*255(015882.6927*kWh)",
              "1-0:2.8.0*255(000219.4882*kWh)",
              "1-0:16.7.0*255(000028*W)",
              "1-0:32.7.0*255(235.2*V)",
              "F.F(00000000)")
          + "\r\n!\r\n";

  @TempDir Path dir;
  Socat socat;
  TtySerialLine meterLine;

  @BeforeEach
  void pty() throws Exception {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal pair to test on");
    socat = Socat.ptyPair();
    meterLine = TtySerialLine.open(socat.first(), SerialSettings.sevenEvenOne(300));
  }

  @AfterEach
  void stop() {
    if (socat != null) {
      meterLine.close();
      socat.close();
    }
  }

  SimulatedModeCMeter meter(Fault fault) throws Exception {
    return SimulatedModeCMeter.start(
        meterLine,
        new SimulatedModeCMeter.Config(
            "/LOG5LK13BE803039", "71234567", BLOCK, fault, Duration.ofMillis(20)));
  }

  @Test
  void printsTheReadoutAndStoresTheRegistersOnceUnderTheSerialNumber() throws Exception {
    Path data = dir.resolve("data");
    try (SimulatedModeCMeter sim = meter(Fault.NONE)) {
      CliRun r =
          CliRun.run(
              "readout",
              "--port",
              socat.second().toString(),
              "--address",
              "71234567",
              "--save",
              "--data",
              data.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("Identification: /LOG5LK13BE803039 (manufacturer LOG, mode C, up to 9600 Bd)")
          .contains("Data message from " + socat.second() + " at 9600 Bd: 6 data sets, BCC 0x")
          .contains("1-0:1.8.0*255      015882.6927 kWh  -> 1-0:1.8.0.255 = 1.58826927E7 Wh")
          .contains("F.F                00000000\n")
          .contains("Stored meter iec21-71234567: 4 values offered, 4 new");
      assertThat(sim.dataRates()).containsExactly(9600);
    }
    try (Store store = Stores.open(null, data)) {
      MeterId id = MeterId.of("iec21-71234567");
      assertThat(store.meter(id)).isPresent();
      assertThat(store.readRaw(id, ObisCode.ACTIVE_ENERGY_IMPORT, null, null).values())
          .containsExactly(15882692.7);
    }
  }

  @Test
  void failsWithExitOneNamingTheMissingIdentificationWhenTheMeterIsSilent() throws Exception {
    try (SimulatedModeCMeter sim = meter(Fault.SILENT)) {
      CliRun r = CliRun.run("readout", "--port", socat.second().toString(), "--timeout-ms", "300");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .contains(
              "loadlens: readout failed: IEC 62056-21 mode C: no identification (/XXXZ...) within"
                  + " 300 ms of the sign-on ("
                  + socat.second()
                  + ")");
    }
  }

  @Test
  void refusesToRunWithoutAPortOrWithBoth() {
    CliRun none = CliRun.run("readout");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("give exactly one of --port DEVICE and --tcp HOST:PORT");
    CliRun badBaud = CliRun.run("readout", "--port", "/dev/null", "--max-baud", "14400");
    assertThat(badBaud.exitCode()).isEqualTo(2);
    assertThat(badBaud.err()).contains("--max-baud: IEC 62056-21 mode C baud rate 14400");
  }
}

package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loadlens read} against a simulated HLS-GMAC meter over the TCP wrapper. */
class ReadCommandTest {

  @Test
  void readsARegisterScaledInItsUnitAgainAndAgainAndThePublicClientOnlyItsInvocationCounter(
      @TempDir Path work) {
    String first = "127." + ThreadLocalRandom.current().nextInt(60, 200) + ".252.1";
    FleetSpec spec = FleetSpec.of(1, 1, 11).withFirstAddress(first); // HLS-GMAC over the wrapper
    try (SimulatedFleet sim = SimulatedFleet.start(spec, Clock.systemUTC(), work)) {
      FleetMeter m = sim.meters().get(0);
      HexFormat hex = HexFormat.of();
      String[] hls = {
        "read",
        "--host",
        m.identity().host(),
        "--client",
        "1",
        "--security",
        "hls-gmac",
        "--ek",
        hex.formatHex(m.identity().guek()),
        "--ak",
        hex.formatHex(m.identity().gak()),
        "--obis",
        "1-0:1.8.0.255"
      };

      CliRun once = CliRun.run(hls);
      assertThat(once.exitCode()).as(once.err()).isZero();
      assertThat(once.out())
          .matches("(?s)1-0:1\\.8\\.0\\.255 \\(class 3, attribute 2\\): \\d+ Wh \\(.*");
      // Every read starts its counter at 1: the meter refuses the second as a replay, and the
      // command continues above the counter the meter's public client reports.
      CliRun again = CliRun.run(hls);
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains(" Wh (");

      CliRun counter =
          CliRun.run(
              "read", "--host", m.identity().host(), "--client", "16", "--obis", "0-0:43.1.0.255");
      assertThat(counter.exitCode()).as(counter.err()).isZero();
      assertThat(counter.out()).startsWith("0-0:43.1.0.255 (class 1, attribute 2): ");
      CliRun denied =
          CliRun.run(
              "read", "--host", m.identity().host(), "--client", "16", "--obis", "1-0:1.8.0.255");
      assertThat(denied.exitCode()).isEqualTo(1);
      assertThat(denied.err()).contains("read-write-denied");
    }
  }
}

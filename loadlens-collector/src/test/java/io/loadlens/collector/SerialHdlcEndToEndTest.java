package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.FleetDefaults;
import io.loadlens.collector.config.FleetFiles;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.TtySerialLine;
import io.loadlens.iec21.testkit.HdlcHandover;
import io.loadlens.iec21.testkit.SimulatedModeCMeter;
import io.loadlens.iec21.testkit.Socat;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import io.loadlens.simulator.fault.FaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HDLC over a real serial line: the simulator's meter serves HDLC over TCP, socat joins a
 * pseudo-terminal to it (as a serial cable to the meter's RS-485 port would), and the collector
 * reads the meter through the pseudo-terminal named in the fleet file ({@code serial:}).
 */
@Timeout(120)
class SerialHdlcEndToEndTest {
  static final Instant START = Instant.parse("2025-03-10T12:07:00Z");
  static final int DAYS = 2;

  @TempDir Path work;
  @TempDir Path state;
  final MutableClock clock = new MutableClock(START);

  /** The simulator's one HDLC meter, on a loopback address of its own. */
  SimulatedFleet sim;

  /** What {@link #collect} stored, as {@code meter|obis|epoch second}. */
  final Set<String> stored = ConcurrentHashMap.newKeySet();

  /** Each meter's outcome of {@link #collect}. */
  final List<MeterOutcome> outcomes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulator() throws Exception {
    sim = SimulatedFleet.start(spec(), clock, work);
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  FleetSpec spec() {
    String first =
        "127."
            + ThreadLocalRandom.current().nextInt(60, 200)
            + "."
            + ThreadLocalRandom.current().nextInt(1, 250)
            + ".1";
    return new FleetSpec(
        1,
        DAYS,
        15,
        SecurityLevel.HLS_GMAC,
        Framing.HDLC,
        first,
        FleetSpec.DLMS_PORT,
        new FaultSpec(Map.of(), Map.of()),
        7,
        ZoneOffset.UTC);
  }

  /**
   * The simulator's fleet file with the meter's host and port replaced by a serial device and the
   * given serial keys, read with this timeout.
   */
  FleetConfig serialFleet(Path device, String serialKeys, Duration timeout) throws Exception {
    String text = Files.readString(sim.fleetFile());
    String serial =
        text.replaceFirst("(?m)^(\\s+)host: \\S+$", "$1serial: " + device + serialKeys)
            .replaceFirst("(?m)^\\s+port: \\d+\\n", "");
    Path file = sim.fleetFile().resolveSibling("serial-fleet.yaml");
    Files.writeString(file, serial);
    return FleetFiles.read(file, new FleetDefaults(timeout, 0, 15));
  }

  /** The host and port the simulator's meter listens on. */
  String[] hostAndPort() throws Exception {
    String text = Files.readString(sim.fleetFile());
    Matcher h = Pattern.compile("(?m)^\\s+host: (\\S+)$").matcher(text);
    Matcher p = Pattern.compile("(?m)^\\s+port: (\\d+)$").matcher(text);
    assertThat(h.find() && p.find()).as(text).isTrue();
    return new String[] {h.group(1), p.group(1)};
  }

  /** One collection pass over {@code fleet}, from the initial horizon, into the fields above. */
  PassSummary collect(FleetConfig fleet) {
    return FleetCollector.builder(fleet, new DlmsMeterReader(fleet.clientSystemTitle()), state)
        .clock(clock)
        .settings(CollectorSettings.STANDARD.withInitialDays(DAYS + 1))
        .captureTimes((m, p) -> Optional.empty())
        .readings(
            (ReadingBatch b) -> {
              for (IntervalSeries s : b.series()) {
                for (long t : s.epochSeconds()) {
                  stored.add(s.meter() + "|" + s.obis() + "|" + t);
                }
              }
            })
        .events(e -> {})
        .listener(
            new CollectionListener() {
              @Override
              public void meterFinished(MeterOutcome o) {
                outcomes.add(o);
              }
            })
        .build()
        .runPass();
  }

  @Test
  void readsAnHdlcMeterThroughAPseudoTerminalJoinedToTheSimulator() throws Exception {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal to test on");
    String[] hp = hostAndPort();
    try (Socat socat = Socat.ptyToTcp(hp[0], Integer.parseInt(hp[1]))) {
      FleetConfig fleet =
          serialFleet(socat.first(), "\n    serial_baud: 19200", Duration.ofSeconds(5));
      MeterConfig meter = fleet.meters().get(0);
      assertThat(meter.serial()).isPresent();
      assertThat(meter.host()).isEmpty();
      assertThat(meter.address()).isEqualTo("serial:" + socat.first() + "@19200");

      PassSummary pass = collect(fleet);

      assertThat(pass.failedByCode()).as("%s %s", outcomes, socat.log()).isEmpty();
      assertThat(stored).isEqualTo(truth());
      assertThat(outcomes.get(0).rows()).isPositive();
    }
  }

  @Test
  void readsAnHdlcMeterThroughAnOpticalProbeAfterTheModeESwitchOver() throws Exception {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal to test on");
    try (Socat socat = Socat.ptyPair();
        TtySerialLine meterLine =
            TtySerialLine.open(socat.first(), SerialSettings.sevenEvenOne(300))) {
      String[] hp = hostAndPort();
      HdlcHandover toSimulator =
          HdlcHandover.toTcp(hp[0], Integer.parseInt(hp[1]), Duration.ofSeconds(1));
      SimulatedModeCMeter.Config optical =
          new SimulatedModeCMeter.Config(
              "/LGZ5\\2ZMD3104", "", "", SimulatedModeCMeter.Fault.NONE, Duration.ofMillis(20));
      try (SimulatedModeCMeter probe = SimulatedModeCMeter.start(meterLine, optical, toSimulator)) {
        FleetConfig fleet =
            serialFleet(
                socat.second(),
                "\n    serial_baud: 9600\n    serial_mode_e: true",
                Duration.ofSeconds(5));
        assertThat(fleet.meters().get(0).serial().orElseThrow().modeE()).isTrue();

        PassSummary pass = collect(fleet);

        assertThat(pass.failedByCode()).as("%s %s", outcomes, probe.errors()).isEmpty();
        assertThat(stored).isEqualTo(truth());
        assertThat(probe.requests())
            .extracting(SimulatedModeCMeter.Request::text)
            .containsExactly("/?!\r\n", "\u0006" + "252\r\n");
      }
    }
  }

  @Test
  void reportsAMissingSerialDeviceAsAConnectionFailureNamingIt() throws Exception {
    collect(serialFleet(Path.of("/dev/ttyNOPE7"), "", Duration.ofSeconds(2)));

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.code()).contains(OperatorCode.CONNECTION_FAILED);
              assertThat(o.reason()).contains("serial device /dev/ttyNOPE7 does not exist");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n    serial_mode_e: true"})
  void reportsASilentSerialLineAsATimeoutNamingTheDevice(String modeE) throws Exception {
    assumeTrue(Socat.available(), "socat is not installed: no pseudo-terminal to test on");
    try (Socat socat = Socat.ptyPair()) {
      collect(serialFleet(socat.first(), modeE, Duration.ofMillis(300)));

      String expected =
          modeE.isEmpty()
              ? "serial:" + socat.first() + "@9600"
              : "mode E: IEC 62056-21 mode C: no identification (/XXXZ...) within 300 ms of the"
                  + " sign-on ("
                  + socat.first()
                  + ")";
      assertThat(outcomes)
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.code()).contains(OperatorCode.TIMEOUT);
                assertThat(o.reason()).contains(expected).doesNotContain("127.0.0.1");
              });
    }
  }

  /** Every row the meter holds from the initial horizon to now. */
  Set<String> truth() {
    Set<String> keys = new HashSet<>();
    Instant from = START.minus(Duration.ofDays(DAYS + 1));
    for (FleetMeter m : sim.meters()) {
      MeterId id = m.identity().id();
      var profile = m.data().profiles().get(0);
      for (long t : m.data().rows(profile.obis(), from, clock.instant()).epochSeconds()) {
        for (var col : profile.columns()) {
          keys.add(id + "|" + col.obis() + "|" + t);
        }
      }
    }
    return keys;
  }
}

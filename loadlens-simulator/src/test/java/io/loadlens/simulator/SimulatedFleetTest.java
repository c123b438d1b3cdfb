package io.loadlens.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.client.ClientSettings;
import io.loadlens.dlms.client.DlmsClient;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.ProfileData;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedFleetTest {
  private static final Instant NOW = Instant.parse("2026-05-12T10:20:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final byte[] CLIENT_TITLE =
      HexFormat.of().parseHex(FleetFiles.CLIENT_SYSTEM_TITLE);

  private static FleetSpec spec(
      String first, Framing framing, SecurityLevel security, FaultSpec faults) {
    return new FleetSpec(
        5, 3, 15, security, framing, first, 4059, faults, 77, ZoneId.of("Europe/Brussels"));
  }

  private static ClientSettings settings(FleetMeter m, FleetSpec spec, Duration timeout) {
    return settings(m, spec, timeout, 1);
  }

  private static ClientSettings settings(
      FleetMeter m, FleetSpec spec, Duration timeout, long invocationCounter) {
    return new ClientSettings(
        m.identity().host(),
        m.identity().port(),
        spec.framing(),
        spec.security() == SecurityLevel.NONE ? 16 : 1,
        1,
        17,
        spec.security(),
        m.identity().password().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        m.identity().guek(),
        m.identity().gak(),
        CLIENT_TITLE,
        timeout,
        1024,
        invocationCounter);
  }

  @Test
  void collectorReadsBackExactlyWhatTheMeterComputesOverHlsGmac(@TempDir Path dir) {
    FleetSpec spec = spec("127.42.0.1", Framing.WRAPPER, SecurityLevel.HLS_GMAC, FaultSpec.none());
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      FleetMeter m = fleet.meters().get(2);
      Instant from = NOW.minus(Duration.ofHours(30));
      ProfileData read;
      try (DlmsClient client = DlmsClient.connect(settings(m, spec, Duration.ofSeconds(5)))) {
        read = client.readProfile(ObisCode.LOAD_PROFILE_1, from, NOW);
      }
      ProfileRows expected = m.data().rows(ObisCode.LOAD_PROFILE_1, from, NOW);
      assertThat(read.rows()).isEqualTo(expected.size()).isGreaterThan(100);
      assertThat(read.epochSeconds()).containsExactly(expected.epochSeconds());
      assertThat(read.status()).containsExactly(expected.status());
      for (int i = 0; i < read.rows(); i++) {
        assertThat(read.values()[0][i]).isEqualTo((double) expected.values()[0][i]);
        assertThat(read.values()[2][i]).isEqualTo((double) expected.values()[2][i]);
      }
    }
  }

  @Test
  void hdlcMeterWithLowLevelSecurityServesVoltagesScaledToVolts(@TempDir Path dir) {
    FleetSpec spec = spec("127.42.1.1", Framing.HDLC, SecurityLevel.LLS, FaultSpec.none());
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      FleetMeter m = fleet.meters().get(0);
      try (DlmsClient client = DlmsClient.connect(settings(m, spec, Duration.ofSeconds(5)))) {
        ProfileData pq =
            client.readProfile(ObisCode.LOAD_PROFILE_2, NOW.minus(Duration.ofHours(3)), NOW);
        assertThat(pq.rows()).isEqualTo(12);
        for (double v : pq.values()[0]) {
          assertThat(v).isBetween(200.0, 253.0);
        }
      }
    }
  }

  @Test
  void wrongKeyMeterRejectsTheKeysOfItsKeyFileAndOfflineMeterRefuses(@TempDir Path dir) {
    FaultSpec faults =
        FaultSpec.none()
            .withMeter(MeterId.of("SIM-00001"), FaultKind.WRONG_KEY)
            .withMeter(MeterId.of("SIM-00002"), FaultKind.OFFLINE);
    FleetSpec spec = spec("127.42.2.1", Framing.WRAPPER, SecurityLevel.HLS_GMAC, faults);
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      List<FleetMeter> meters = fleet.meters();
      assertThatThrownBy(
              () -> DlmsClient.connect(settings(meters.get(0), spec, Duration.ofSeconds(3))))
          .isInstanceOf(DlmsAuthenticationException.class);
      assertThatThrownBy(
              () -> DlmsClient.connect(settings(meters.get(1), spec, Duration.ofSeconds(3))))
          .isInstanceOf(DlmsConnectionException.class);
      assertThat(fleet.groundTruth().faults(MeterId.of("SIM-00001")))
          .containsExactly(FaultKind.WRONG_KEY);
    }
  }

  @Test
  void dropMidBlockFailsTheFirstPassAndALaterPassSucceeds(@TempDir Path dir) {
    FaultSpec faults =
        FaultSpec.none().withMeter(MeterId.of("SIM-00003"), FaultKind.DROP_MID_BLOCK);
    FleetSpec spec = spec("127.42.3.1", Framing.WRAPPER, SecurityLevel.HLS_GMAC, faults);
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      FleetMeter m = fleet.meters().get(2);
      Instant from = NOW.minus(Duration.ofDays(2));
      int failures = 0;
      ProfileData read = null;
      for (int pass = 0; pass < 4 && read == null; pass++) {
        long counter = 1 + pass * 1_000L; // a fresh invocation counter per session
        try (DlmsClient client =
            DlmsClient.connect(settings(m, spec, Duration.ofSeconds(3), counter))) {
          read = client.readProfile(ObisCode.LOAD_PROFILE_1, from, NOW);
        } catch (DlmsException e) {
          failures++;
        }
      }
      assertThat(failures).isEqualTo(m.data().faults().failingAttempts());
      assertThat(read).isNotNull();
      assertThat(read.rows()).isEqualTo(m.data().rows(ObisCode.LOAD_PROFILE_1, from, NOW).size());
    }
  }

  @Test
  void corruptFrameFailsTheFirstPassOverHdlcAndALaterPassSucceeds(@TempDir Path dir) {
    FaultSpec faults = FaultSpec.none().withMeter(MeterId.of("SIM-00004"), FaultKind.CORRUPT_FCS);
    FleetSpec spec = spec("127.42.6.1", Framing.HDLC, SecurityLevel.HLS_GMAC, faults);
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      FleetMeter m = fleet.meters().get(3);
      int failures = 0;
      ProfileData read = null;
      for (int pass = 0; pass < 4 && read == null; pass++) {
        try (DlmsClient client =
            DlmsClient.connect(settings(m, spec, Duration.ofSeconds(2), 1 + pass * 1_000L))) {
          read = client.readProfile(ObisCode.LOAD_PROFILE_1, NOW.minus(Duration.ofHours(6)), NOW);
        } catch (DlmsException e) {
          failures++;
        }
      }
      assertThat(failures).isEqualTo(m.data().faults().failingAttempts());
      assertThat(read).isNotNull();
      assertThat(read.rows()).isEqualTo(24);
    }
  }

  @Test
  void writesTheFleetFileAndPrivateKeyFiles(@TempDir Path dir) throws Exception {
    FleetSpec spec = spec("127.42.4.1", Framing.WRAPPER, SecurityLevel.LLS, FaultSpec.none());
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, CLOCK, dir)) {
      String yaml = Files.readString(fleet.fleetFile());
      assertThat(yaml)
          .startsWith("# loadlens fleet file, written by the simulator\n")
          .contains("client_system_title: 4C4C4E0000000001\n")
          .contains(
              "  - id: SIM-00005\n    host: 127.42.4.5\n    port: 4059\n    framing: wrapper\n")
          .contains("    security: lls\n    system_title: 4C4C530000000005\n")
          .contains("    key_file: keys/SIM-00005.keys\n    obis: [1-0:99.1.0.255]\n");
      Path keys = dir.resolve("keys/SIM-00005.keys");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
          .isEqualTo("rw-------");
      FleetMeter m = fleet.meters().get(4);
      assertThat(Files.readString(keys))
          .contains("GUEK=" + HexFormat.of().withUpperCase().formatHex(m.identity().guek()))
          .contains("PASSWORD=" + m.identity().password());
    }
  }

  @Test
  void groundTruthCsvAccountsForEveryWattHourTheRegistersAdvance(@TempDir Path dir)
      throws Exception {
    FleetSpec spec =
        spec(
            "127.42.5.1",
            Framing.WRAPPER,
            SecurityLevel.NONE,
            FaultSpec.parse("outage=0.4,clock-skew=0.2"));
    List<FleetMeter> meters = SimulatedFleet.build(spec, CLOCK);
    GroundTruth truth = new GroundTruth(meters);
    Instant from = NOW.minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    truth.writeGroundTruthCsv(dir, from, NOW);
    List<String> lines = Files.readAllLines(dir.resolve("intervals.csv"));
    String header = lines.get(0);
    assertThat(header).startsWith("meter_id,interval_end,import_wh,export_wh,standby_wh");
    FleetMeter m = meters.get(0);
    double imported = 0;
    double exported = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[0].equals("SIM-00001")) {
        imported += Double.parseDouble(f[2]);
        exported += Double.parseDouble(f[3]);
      }
    }
    long end = Math.floorDiv(NOW.getEpochSecond(), 900) * 900;
    double registers =
        (m.data().importMilliWhAt(end) - m.data().importMilliWhAt(from.getEpochSecond())) / 1000.0;
    double exportRegisters =
        (m.data().exportMilliWhAt(end) - m.data().exportMilliWhAt(from.getEpochSecond())) / 1000.0;
    assertThat(imported).isCloseTo(registers, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(exported).isCloseTo(exportRegisters, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(Files.readAllLines(dir.resolve("households.csv"))).hasSize(6);
    assertThat(Files.readString(dir.resolve("faults.csv"))).contains(",clock-skew,,clock offset ");
  }
}

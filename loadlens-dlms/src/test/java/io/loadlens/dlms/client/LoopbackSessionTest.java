package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.Unit;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoopbackSessionTest {
  static final byte[] EK = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");
  static final byte[] AK = HexFormat.of().parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
  static final byte[] SERVER_ST = HexFormat.of().parseHex("4D4D4D0000BC614E");
  static final byte[] CLIENT_ST = HexFormat.of().parseHex("4D4D4D0000000001");
  static final byte[] PASSWORD = "12345678".getBytes(StandardCharsets.US_ASCII);
  static final Instant NOW = Instant.parse("2024-03-31T12:07:00Z");
  static final int ROWS = 678; // 672 present after 6 outage rows

  final FixedMeter meter = new FixedMeter(NOW, ROWS, ZoneId.of("Europe/Brussels"));
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  TcpMeterServer start(SecurityLevel level, ConnectionPolicy policy) {
    MeterServerConfig cfg =
        new MeterServerConfig(Framing.WRAPPER, level, PASSWORD, EK, AK, SERVER_ST, 1, 17, 512);
    server = TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, meter, policy);
    return server;
  }

  ClientSettings settings(SecurityLevel level, byte[] password, byte[] ek, long ic) {
    return new ClientSettings(
        "127.0.0.1",
        server.address().getPort(),
        Framing.WRAPPER,
        16,
        1,
        17,
        level,
        password,
        ek,
        AK,
        CLIENT_ST,
        Duration.ofSeconds(5),
        1024,
        ic);
  }

  @ParameterizedTest
  @EnumSource(SecurityLevel.class)
  void readsWholeProfileWithBlockTransferAtEverySecurityLevel(SecurityLevel level) {
    start(level, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(level, PASSWORD, EK, 1))) {
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.capturePeriodSeconds()).isEqualTo(900);
      assertThat(p.columns())
          .extracting(ProfileColumn::obis, ProfileColumn::unit, ProfileColumn::scaler)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, 0),
              org.assertj.core.groups.Tuple.tuple(ObisCode.ACTIVE_ENERGY_EXPORT, Unit.WATT_HOUR, 0),
              org.assertj.core.groups.Tuple.tuple(ObisCode.ACTIVE_POWER_IMPORT, Unit.WATT, -1),
              org.assertj.core.groups.Tuple.tuple(ObisCode.VOLTAGE_L1, Unit.VOLT, -1));
      // row 100 of the meter is the 100th present row (row 99 is missing)
      assertThat(p.epochSeconds()[0]).isEqualTo(meter.time(0));
      assertThat(p.epochSeconds()[99]).isEqualTo(meter.time(100));
      assertThat(p.epochSeconds()[671]).isEqualTo(meter.time(ROWS - 1));
      assertThat(p.status()[7]).isEqualTo(0x80);
      assertThat(p.values()[0][99]).isEqualTo(1000.0);
      assertThat(p.values()[3][5]).isEqualTo(230.5);
      if (level == SecurityLevel.HLS_GMAC) {
        assertThat(c.serverSystemTitle()).isEqualTo(SERVER_ST);
        assertThat(c.invocationCounter()).isGreaterThan(10);
      }
    }
  }

  @Test
  void readsRangeOfProfileOnTheClock() {
    start(SecurityLevel.HLS_GMAC, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, 1))) {
      Instant from = Instant.ofEpochSecond(meter.time(90));
      Instant to = Instant.ofEpochSecond(meter.time(110));
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1, from, to);
      assertThat(p.rows()).isEqualTo(20); // 21 intervals, row 99 missing
      assertThat(p.epochSeconds()[9]).isEqualTo(meter.time(99 + 1));
      assertThat(p.values()[1][0]).isEqualTo(90.0);
    }
  }

  @Test
  void readsEntriesByEntryDescriptor() {
    start(SecurityLevel.NONE, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.NONE, null, EK, 1))) {
      ProfileData p = c.readProfileEntries(ObisCode.LOAD_PROFILE_1, 3, 5);
      assertThat(p.rows()).isEqualTo(3);
      assertThat(p.values()[1]).containsExactly(2.0, 3.0, 4.0);
    }
  }

  @Test
  void readsClockDeviceIdAndRegister() {
    start(SecurityLevel.LLS, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.LLS, PASSWORD, EK, 1))) {
      CosemValue id = c.get(1, ObisCode.DEVICE_ID_1, 2);
      assertThat(((CosemValue.Bytes) id).text()).isEqualTo("LL00000042");
      CosemValue v = c.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2);
      assertThat(v).isEqualTo(CosemValue.Int.doubleLongUnsigned(123456));
      CosemValue clock = c.get(8, ObisCode.CLOCK, 2);
      assertThat(((CosemValue.Bytes) clock).value())
          .isEqualTo(io.loadlens.dlms.axdr.CosemDateTime.of(NOW, meter.zone()).encode());
    }
  }

  @Test
  void reportsUnknownObjectAsServiceErrorWithDataAccessResult() {
    start(SecurityLevel.NONE, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.NONE, null, EK, 1))) {
      assertThatThrownBy(() -> c.get(3, new ObisCode(1, 0, 99, 99, 0, 255), 2))
          .isInstanceOfSatisfying(
              DlmsServiceException.class,
              e -> assertThat(e.result()).isEqualTo("object-undefined(4)"))
          .hasMessageContaining("1-0:99.99.0.255");
      assertThatThrownBy(() -> c.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 9))
          .isInstanceOf(DlmsServiceException.class)
          .hasMessageContaining("object-undefined(4)");
      // the session survives the errors
      assertThat(c.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2)).isNotNull();
    }
  }

  @Test
  void thePublicClientReadsAnHlsMetersInvocationCounterWithoutSecurityAndNothingElse() {
    start(SecurityLevel.HLS_GMAC, ConnectionPolicy.NONE);
    long next;
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, 5_000))) {
      c.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2);
      next = c.invocationCounter();
    }
    try (DlmsClient pub = DlmsClient.connect(settings(SecurityLevel.NONE, null, EK, 0))) {
      assertThat(pub.get(1, ObisCode.INVOCATION_COUNTER, 2))
          .isEqualTo(
              new CosemValue.Int(io.loadlens.dlms.axdr.DataType.DOUBLE_LONG_UNSIGNED, next - 1));
      assertThat(pub.get(8, ObisCode.CLOCK, 2)).isNotNull();
      assertThatThrownBy(() -> pub.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2))
          .isInstanceOf(DlmsServiceException.class)
          .hasMessageContaining("read-write-denied");
      assertThatThrownBy(() -> pub.readProfile(ObisCode.LOAD_PROFILE_1))
          .isInstanceOf(DlmsServiceException.class);
    }
    // The counter read above lets a client that lost its own continue: the meter accepts next.
    try (DlmsClient again = DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, next))) {
      assertThat(again.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2)).isNotNull();
    }
  }

  @Test
  void aManagementClientWithoutSecurityIsStillRefusedByAnHlsMeter() {
    start(SecurityLevel.HLS_GMAC, ConnectionPolicy.NONE);
    ClientSettings s = settings(SecurityLevel.NONE, null, EK, 0);
    ClientSettings management =
        new ClientSettings(
            s.host(),
            s.port(),
            s.framing(),
            1,
            s.serverLogicalAddress(),
            s.serverPhysicalAddress(),
            SecurityLevel.NONE,
            null,
            EK,
            AK,
            CLIENT_ST,
            Duration.ofSeconds(5),
            1024,
            0);
    assertThatThrownBy(() -> DlmsClient.connect(management))
        .isInstanceOf(DlmsAuthenticationException.class);
  }

  @Test
  void rejectsWrongPassword() {
    start(SecurityLevel.LLS, ConnectionPolicy.NONE);
    assertThatThrownBy(
            () ->
                DlmsClient.connect(
                    settings(
                        SecurityLevel.LLS, "87654321".getBytes(StandardCharsets.US_ASCII), EK, 1)))
        .isInstanceOfSatisfying(
            DlmsAuthenticationException.class,
            e -> assertThat(e.operatorCode()).isEqualTo(OperatorCode.AUTHENTICATION_FAILURE))
        .hasMessageContaining("diagnostic acse-service-user 13");
  }

  @Test
  void rejectsWrongEncryptionKey() {
    start(SecurityLevel.HLS_GMAC, ConnectionPolicy.NONE);
    byte[] wrong = EK.clone();
    wrong[0] ^= 1;
    assertThatThrownBy(() -> DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, wrong, 1)))
        .isInstanceOf(DlmsAuthenticationException.class)
        .hasMessageContaining("association rejected");
  }

  @Test
  void rejectsReplayedInvocationCounter() {
    start(SecurityLevel.HLS_GMAC, ConnectionPolicy.NONE);
    long next;
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, 100))) {
      c.get(8, ObisCode.CLOCK, 2);
      next = c.invocationCounter();
    }
    java.util.concurrent.atomic.AtomicLong persisted = new java.util.concurrent.atomic.AtomicLong();
    ClientOptions options = ClientOptions.DEFAULT.withInvocationCounterListener(persisted::set);
    assertThatThrownBy(
            () -> DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, 100), options))
        .isInstanceOfSatisfying(
            DlmsReplayException.class,
            e -> assertThat(e.operatorCode()).isEqualTo(OperatorCode.REPLAY_DETECTED));
    // the failed attempt used counter 100 and reported 101 as the next one
    assertThat(persisted).hasValue(101);
    try (DlmsClient c = DlmsClient.connect(settings(SecurityLevel.HLS_GMAC, null, EK, next))) {
      assertThat(c.get(8, ObisCode.CLOCK, 2)).isNotNull();
    }
  }
}

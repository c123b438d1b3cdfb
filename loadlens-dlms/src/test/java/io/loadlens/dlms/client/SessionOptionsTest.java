package io.loadlens.dlms.client;

import static io.loadlens.dlms.client.LoopbackSessionTest.AK;
import static io.loadlens.dlms.client.LoopbackSessionTest.CLIENT_ST;
import static io.loadlens.dlms.client.LoopbackSessionTest.EK;
import static io.loadlens.dlms.client.LoopbackSessionTest.SERVER_ST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.DlmsServiceException;
import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.security.SecurityControl;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.MeterServerEngine;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionOptionsTest {
  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));
  final MeterServerConfig cfg =
      new MeterServerConfig(
          Framing.WRAPPER, SecurityLevel.HLS_GMAC, null, EK, AK, SERVER_ST, 1, 17, 512);
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ClientSettings settings(Duration timeout) {
    return new ClientSettings(
        "127.0.0.1",
        server.address().getPort(),
        Framing.WRAPPER,
        16,
        1,
        17,
        SecurityLevel.HLS_GMAC,
        null,
        EK,
        AK,
        CLIENT_ST,
        timeout,
        1024,
        1);
  }

  @Test
  void readsProfileWithEverySecurityControlAndDedicatedKey() {
    server =
        TcpMeterServer.start(
            new InetSocketAddress("127.0.0.1", 0), cfg, meter, ConnectionPolicy.NONE);
    long ic = 1;
    for (SecurityControl sc :
        List.of(SecurityControl.AUTH, SecurityControl.ENC, SecurityControl.AUTH_ENC)) {
      for (boolean ded : new boolean[] {false, true}) {
        try (DlmsClient c =
            DlmsClient.connect(
                settings(Duration.ofSeconds(5)).withInvocationCounter(ic),
                new ClientOptions(sc, ded))) {
          assertThat(c.readProfile(ObisCode.LOAD_PROFILE_1).rows())
              .as("%s ded %s", sc, ded)
              .isEqualTo(672);
          ic = c.invocationCounter();
        }
      }
    }
  }

  @Test
  void getsWithListMixingValuesAndErrors() {
    server =
        TcpMeterServer.start(
            new InetSocketAddress("127.0.0.1", 0), cfg, meter, ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(Duration.ofSeconds(5)))) {
      List<Object> r =
          c.getWithList(
              List.of(
                  new AttributeDescriptor(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2),
                  new AttributeDescriptor(3, ObisCode.VOLTAGE_L1, 2),
                  new AttributeDescriptor(1, ObisCode.DEVICE_ID_1, 2)));
      assertThat(r.get(0)).isEqualTo(CosemValue.Int.doubleLongUnsigned(123456));
      assertThat(r.get(1))
          .isInstanceOfSatisfying(
              DlmsServiceException.class,
              e -> assertThat(e.result()).isEqualTo("object-unavailable(11)"));
      assertThat(((CosemValue.Bytes) r.get(2)).text()).isEqualTo("LL00000042");
      assertThatThrownBy(() -> c.set(8, ObisCode.CLOCK, 2, CosemValue.NullData.INSTANCE))
          .isInstanceOf(DlmsServiceException.class)
          .hasMessageContaining("type-unmatched(12)");
      assertThatThrownBy(
              () ->
                  c.set(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2, CosemValue.Int.doubleLongUnsigned(0)))
          .isInstanceOf(DlmsServiceException.class)
          .hasMessageContaining("read-write-denied(3)");
      java.time.Instant target = java.time.Instant.parse("2024-04-01T00:00:00Z");
      c.set(
          8,
          ObisCode.CLOCK,
          2,
          CosemValue.Bytes.octetString(
              io.loadlens.dlms.axdr.CosemDateTime.of(target, ZoneId.of("Europe/Vienna")).encode()));
      assertThat(meter.clockSetTo).isEqualTo(target);
      assertThatThrownBy(() -> c.action(8, ObisCode.CLOCK, 1, null))
          .isInstanceOf(DlmsServiceException.class)
          .hasMessageContaining("object-unavailable(11)");
    }
  }

  @Test
  void reportsConnectionLostWhenMeterDropsMidBlock() {
    server =
        TcpMeterServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            cfg,
            meter,
            new ConnectionPolicy() {
              @Override
              public long closeAfterResponseBytes() {
                return 2000;
              }
            });
    try (DlmsClient c = DlmsClient.connect(settings(Duration.ofSeconds(5)))) {
      assertThatThrownBy(() -> c.readProfile(ObisCode.LOAD_PROFILE_1))
          .isInstanceOfSatisfying(
              DlmsConnectionException.class,
              e -> assertThat(e.operatorCode()).isEqualTo(OperatorCode.CONNECTION_LOST));
    }
  }

  @Test
  void reportsTimeoutWhenMeterNeverAnswers() {
    server =
        TcpMeterServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            cfg,
            meter,
            new ConnectionPolicy() {
              @Override
              public boolean answer(int requestIndex) {
                return requestIndex < 2;
              }
            });
    try (DlmsClient c = DlmsClient.connect(settings(Duration.ofMillis(300)))) {
      assertThatThrownBy(() -> c.get(8, ObisCode.CLOCK, 2))
          .isInstanceOfSatisfying(
              DlmsTimeoutException.class,
              e -> assertThat(e.operatorCode()).isEqualTo(OperatorCode.TIMEOUT))
          .hasMessageContaining("no answer within PT0.3S");
    }
  }

  @Test
  void clientDetectsReplayedServerResponse() {
    MeterServerEngine engine = new MeterServerEngine(meter, cfg);
    ClientEngine client =
        new ClientEngine(
            new ClientSettings(
                "meter",
                4059,
                Framing.WRAPPER,
                16,
                1,
                17,
                SecurityLevel.HLS_GMAC,
                null,
                EK,
                AK,
                CLIENT_ST,
                Duration.ofSeconds(1),
                1024,
                1),
            new Random(7));
    assertThat(client.onAare(engine.handleApdu(client.aarq()))).isTrue();
    client.onHlsPass4Response(engine.handleApdu(client.hlsPass3Request()));
    byte[] response =
        engine.handleApdu(client.getRequest(new AttributeDescriptor(8, ObisCode.CLOCK, 2), null));
    assertThat(client.onGetResponse(response)).isNotNull();
    client.getRequest(new AttributeDescriptor(8, ObisCode.CLOCK, 2), null);
    assertThatThrownBy(() -> client.onGetResponse(response))
        .isInstanceOf(DlmsReplayException.class)
        .hasMessageMatching(
            "server invocation counter \\d+ is not greater than the last accepted \\d+");
  }

  @Test
  void failsHlsPass4WhenServerKeyDiffers() {
    byte[] otherAk = AK.clone();
    otherAk[3] ^= 0x10;
    MeterServerEngine engine =
        new MeterServerEngine(
            meter,
            new MeterServerConfig(
                Framing.WRAPPER, SecurityLevel.HLS_GMAC, null, EK, otherAk, SERVER_ST, 1, 17, 512));
    ClientEngine client =
        new ClientEngine(
            new ClientSettings(
                "meter",
                4059,
                Framing.WRAPPER,
                16,
                1,
                17,
                SecurityLevel.HLS_GMAC,
                null,
                EK,
                AK,
                CLIENT_ST,
                Duration.ofSeconds(1),
                1024,
                1),
            new Random(7));
    // AK enters the tag of the glo-initiate-request, so the meter rejects the AARQ
    assertThatThrownBy(() -> client.onAare(engine.handleApdu(client.aarq())))
        .isInstanceOfSatisfying(
            io.loadlens.dlms.DlmsAuthenticationException.class,
            e -> assertThat(e.operatorCode()).isEqualTo(OperatorCode.AUTHENTICATION_FAILURE));
  }
}

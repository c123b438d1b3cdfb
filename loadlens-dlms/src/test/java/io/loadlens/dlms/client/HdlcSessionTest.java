package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HdlcSessionTest {
  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void start(ConnectionPolicy policy) {
    start(policy, 1);
  }

  void start(ConnectionPolicy policy, int window) {
    MeterServerConfig cfg =
        new MeterServerConfig(
                Framing.HDLC,
                SecurityLevel.HLS_GMAC,
                null,
                LoopbackSessionTest.EK,
                LoopbackSessionTest.AK,
                LoopbackSessionTest.SERVER_ST,
                1,
                17,
                1024)
            .withHdlcWindow(window);
    server = TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, meter, policy);
  }

  ClientSettings settings(Duration timeout) {
    return new ClientSettings(
        "127.0.0.1",
        server.address().getPort(),
        Framing.HDLC,
        16,
        1,
        17,
        SecurityLevel.HLS_GMAC,
        null,
        LoopbackSessionTest.EK,
        LoopbackSessionTest.AK,
        LoopbackSessionTest.CLIENT_ST,
        timeout,
        1024,
        1);
  }

  @Test
  void readsWholeProfileOverSegmentedHdlcWithHlsGmac() {
    start(ConnectionPolicy.NONE);
    try (DlmsClient c = DlmsClient.connect(settings(Duration.ofSeconds(5)))) {
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.epochSeconds()[671]).isEqualTo(meter.time(LoopbackSessionTest.ROWS - 1));
      assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
    }
  }

  @Test
  void readsWholeProfileOverTcpWithANegotiatedHdlcWindowOfFour() {
    start(ConnectionPolicy.NONE, 4);
    try (DlmsClient c =
        DlmsClient.connect(
            settings(Duration.ofSeconds(5)), ClientOptions.DEFAULT.withHdlcWindow(7))) {
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
      c.set(8, ObisCode.CLOCK, 2, clockValue());
      assertThat(meter.clockSetTo).isEqualTo(LoopbackSessionTest.NOW);
    }
  }

  static io.loadlens.dlms.axdr.CosemValue clockValue() {
    return io.loadlens.dlms.axdr.CosemValue.Bytes.octetString(
        io.loadlens.dlms.axdr.CosemDateTime.of(LoopbackSessionTest.NOW, ZoneId.of("UTC")).encode());
  }

  @Test
  void recoversFromCorruptFcsByRetransmittingAfterTimeout() {
    AtomicInteger corrupted = new AtomicInteger();
    start(
        new ConnectionPolicy() {
          @Override
          public byte[] mutateResponse(int responseIndex, byte[] frame) {
            if (responseIndex == 3) {
              corrupted.incrementAndGet();
              byte[] bad = frame.clone();
              bad[bad.length - 2] ^= 0x01; // FCS
              return bad;
            }
            return frame;
          }
        });
    try (DlmsClient c = DlmsClient.connect(settings(Duration.ofMillis(300)))) {
      assertThat(c.get(8, ObisCode.CLOCK, 2)).isNotNull();
      assertThat(c.get(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2)).isNotNull();
    }
    assertThat(corrupted).hasValue(1);
  }
}

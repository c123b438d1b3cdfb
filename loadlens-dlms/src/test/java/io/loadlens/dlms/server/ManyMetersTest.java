package io.loadlens.dlms.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.client.ClientSettings;
import io.loadlens.dlms.client.DlmsClient;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.model.ObisCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Many meters in one JVM, one loopback address each on port 4059, as the simulator runs them. */
class ManyMetersTest {
  static final int METERS = 100;

  @Test
  void servesManyMetersOnTheirOwnLoopbackAddressesAndFreesThemOnClose() throws Exception {
    MeterServerConfig cfg =
        new MeterServerConfig(
            Framing.WRAPPER, SecurityLevel.NONE, null, null, null, null, 1, 17, 1024);
    List<TcpMeterServer> servers = start(cfg);
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (TcpMeterServer s : servers) {
        pool.submit(
            () -> {
              ClientSettings settings =
                  new ClientSettings(
                      s.address().getAddress().getHostAddress(),
                      s.address().getPort(),
                      Framing.WRAPPER,
                      16,
                      1,
                      17,
                      SecurityLevel.NONE,
                      null,
                      null,
                      null,
                      null,
                      Duration.ofSeconds(10),
                      1024,
                      0);
              try (DlmsClient c = DlmsClient.connect(settings)) {
                ids.add(((CosemValue.Bytes) c.get(1, ObisCode.DEVICE_ID_1, 2)).text());
              }
              return null;
            });
      }
    }
    assertThat(ids).hasSize(METERS).containsOnly("LL00000042");
    servers.forEach(TcpMeterServer::close);
    // every address and port can be bound again at once
    start(cfg).forEach(TcpMeterServer::close);
  }

  private static List<TcpMeterServer> start(MeterServerConfig cfg) {
    List<TcpMeterServer> out = new ArrayList<>();
    for (int i = 1; i <= METERS; i++) {
      out.add(
          TcpMeterServer.start(
              new InetSocketAddress("127.0.3." + i, 4059),
              cfg,
              new FixedMeter(Instant.parse("2024-01-01T00:00:00Z"), 10, ZoneId.of("UTC")),
              ConnectionPolicy.NONE));
    }
    return out;
  }
}

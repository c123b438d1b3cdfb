package io.loadlens.collector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfigBuilder;
import io.loadlens.collector.testing.MutableClock;
import io.loadlens.dlms.apdu.DataNotification;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.wrapper.WrapperFrame;
import io.loadlens.model.MeterId;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PushListenerTest {
  static final InetAddress A = addr("10.20.0.15");

  static InetAddress addr(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void cidrBlocksMatchTheirNetworkOnly() {
    CidrBlock b = CidrBlock.parse("10.20.0.0/16");
    assertThat(b.contains(A)).isTrue();
    assertThat(b.contains(addr("10.21.0.1"))).isFalse();
    assertThat(b.contains(addr("::1"))).isFalse();
    assertThat(CidrBlock.parse("10.20.7.9/8")).hasToString("10.0.0.0/8");
    assertThat(CidrBlock.parse("fd00::/8").contains(addr("fd12::1"))).isTrue();
    assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33"))
        .hasMessage("CIDR prefix /33 is outside 0..32");
    assertThatThrownBy(() -> CidrBlock.parse("meters.example/8"))
        .hasMessage("CIDR block 'meters.example/8': not an IP address literal");
  }

  @Test
  void bansAnAddressAfterMoreThanFiveFailuresWithinAMinuteUntilTheBanExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    BanList bans = BanList.standard(Duration.ofMinutes(10), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(bans.recordFailure(A, "bad tag")).isFalse();
      clock.advance(Duration.ofSeconds(5));
    }
    assertThat(bans.recordFailure(A, "GMAC tag mismatch")).isTrue();
    assertThat(bans.bans())
        .singleElement()
        .satisfies(b -> assertThat(b.until()).isEqualTo(Instant.parse("2025-03-10T12:10:25Z")))
        .satisfies(b -> assertThat(b.lastReason()).isEqualTo("GMAC tag mismatch"));
    clock.advance(Duration.ofMinutes(10));
    assertThat(bans.isBanned(A)).isFalse();
    assertThat(bans.bans()).isEmpty();
  }

  @Test
  void forgetsFailuresOlderThanTheWindow() {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    BanList bans = BanList.standard(Duration.ofMinutes(10), clock);
    for (int i = 0; i < 12; i++) {
      assertThat(bans.recordFailure(A, "bad")).isFalse();
      clock.advance(Duration.ofSeconds(15));
    }
  }

  static byte[] push(int value) {
    DataNotification n = new DataNotification(1, null, CosemValue.Int.doubleLongUnsigned(value));
    return new WrapperFrame(1, 1, n.encode()).encode();
  }

  PushListener listener(String allow, LinkedBlockingQueue<DataNotification> got) {
    FleetConfig fleet =
        new FleetConfig(
            null, List.of(new MeterConfigBuilder(MeterId.of("PUSH-1"), "127.0.0.1").build()));
    return PushListener.start(
        new InetSocketAddress("127.0.0.1", 0),
        List.of(CidrBlock.parse(allow)),
        fleet,
        BanList.standard(Duration.ofMinutes(5), java.time.Clock.systemUTC()),
        (meter, from, n) -> got.add(n),
        16,
        Duration.ofSeconds(5));
  }

  @Test
  void acceptsDataNotificationsFromAllowedMetersAndBansAHostileSource() throws Exception {
    LinkedBlockingQueue<DataNotification> got = new LinkedBlockingQueue<>();
    try (PushListener l = listener("127.0.0.0/8", got);
        Socket s = new Socket("127.0.0.1", l.address().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(push(4242));
      out.flush();
      DataNotification n = got.poll(5, TimeUnit.SECONDS);
      assertThat(n).isNotNull();
      assertThat(n.body()).isEqualTo(CosemValue.Int.doubleLongUnsigned(4242));

      byte[] garbage = new WrapperFrame(1, 1, new byte[] {(byte) 0xC4, 1, 2}).encode();
      for (int i = 0; i < 6; i++) {
        out.write(garbage);
      }
      out.flush();
      assertThat(s.getInputStream().read()).isEqualTo(-1); // disconnected
      assertThat(l.bans().bans())
          .singleElement()
          .satisfies(b -> assertThat(b.address()).isEqualTo(InetAddress.getByName("127.0.0.1")));
    }
  }

  @Test
  void refusesSourcesOutsideTheAllowList() throws Exception {
    LinkedBlockingQueue<DataNotification> got = new LinkedBlockingQueue<>();
    try (PushListener l = listener("10.0.0.0/8", got);
        Socket s = new Socket("127.0.0.1", l.address().getPort())) {
      s.getOutputStream().write(push(1));
      s.getOutputStream().flush();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }
}

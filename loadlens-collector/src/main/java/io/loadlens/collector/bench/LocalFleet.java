package io.loadlens.collector.bench;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.config.MeterConfigBuilder;
import io.loadlens.collector.config.MeterKeys;
import io.loadlens.collector.config.Octets;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.MeterId;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code n} {@link SyntheticMeter}s served over DLMS/COSEM (TCP wrapper, HLS-GMAC) on loopback
 * ports of this JVM, with a switchable fault per meter, and the matching {@link FleetConfig}. Keys
 * are derived from the meter index (synthetic meters only).
 */
public final class LocalFleet implements AutoCloseable {
  /** The head-end's system title. */
  public static final Octets CLIENT_TITLE = Octets.ofHex("4C4C4E0000000001");

  /** A meter of the fleet. */
  public record Member(int index, SyntheticMeter data, Faults faults, TcpMeterServer server) {
    public MeterId id() {
      return MeterId.of(String.format("SYN-%05d", index));
    }
  }

  /** Faults that can be switched on and off while the meter runs. */
  public static final class Faults implements ConnectionPolicy {
    /** Never answer: the client times out. */
    public volatile boolean stall;

    /** Close the connection instead of answering: the connection is lost. */
    public volatile boolean drop;

    @Override
    public boolean answer(int requestIndex) {
      return !stall;
    }

    @Override
    public long closeAfterResponseBytes() {
      return drop ? 0 : Long.MAX_VALUE;
    }
  }

  private final List<Member> members;

  private LocalFleet(List<Member> members) {
    this.members = members;
  }

  /** Starts {@code n} meters whose clocks follow {@code clock}. */
  public static LocalFleet start(int n, Clock clock) {
    List<Member> members = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        SyntheticMeter data = new SyntheticMeter(i, clock);
        Faults faults = new Faults();
        MeterServerConfig cfg =
            new MeterServerConfig(
                Framing.WRAPPER,
                SecurityLevel.HLS_GMAC,
                null,
                key("ek", i),
                key("ak", i),
                title(i).bytes(),
                1,
                0,
                4096);
        TcpMeterServer server =
            TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, data, faults);
        members.add(new Member(i, data, faults, server));
      }
    } catch (RuntimeException e) {
      members.forEach(m -> m.server().close());
      throw e;
    }
    return new LocalFleet(members);
  }

  public List<Member> members() {
    return members;
  }

  public Member member(int index) {
    return members.get(index);
  }

  /** The configuration that reads this fleet. */
  public FleetConfig fleetConfig(Duration timeout, int retries) {
    List<MeterConfig> meters = new ArrayList<>(members.size());
    for (Member m : members) {
      meters.add(meterConfig(m, timeout, retries, key("ak", m.index())));
    }
    return new FleetConfig(CLIENT_TITLE, meters);
  }

  /** One meter's configuration, with the given authentication key (to play a wrong key). */
  public MeterConfig meterConfig(Member m, Duration timeout, int retries, byte[] gak) {
    return new MeterConfigBuilder(m.id(), "127.0.0.1")
        .port(m.server().address().getPort())
        .security(MeterConfig.Security.HLS_GMAC)
        .systemTitle(title(m.index()))
        .keys(new MeterKeys(key("ek", m.index()), gak, new byte[0]), null)
        .group("g" + m.index() % 8)
        .timeout(timeout)
        .retries(retries)
        .build();
  }

  static Octets title(int index) {
    return new Octets(
        ByteBuffer.allocate(8)
            .put((byte) 0x4C)
            .put((byte) 0x4C)
            .put((byte) 0x53)
            .put((byte) 0)
            .putInt(index)
            .array());
  }

  /** A 16-octet key derived from the meter index (synthetic meters only). */
  public static byte[] key(String label, int index) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((label + ":" + index).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Arrays.copyOf(h, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  @Override
  public void close() {
    members.forEach(m -> m.server().close());
  }
}

package io.loadlens.simulator;

import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.simulator.fault.FaultSpec;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneId;

/**
 * What fleet to simulate.
 *
 * @param meters how many meters (1..1,000,000)
 * @param days how many days of history each meter serves, back from the clock's now (1..3660)
 * @param intervalMinutes the load-profile capture period (divides 60)
 * @param security the association security the meters demand
 * @param framing wrapper (TCP, IEC 62056-47) or HDLC (IEC 62056-46)
 * @param firstAddress the first meter's loopback address, e.g. 127.1.0.1; meter i listens on the
 *     i-th address after it, or, with {@code port} 0... see {@link #port}
 * @param port the port every meter listens on (4059, the IANA DLMS/COSEM port)
 * @param faults which faults the fleet has
 * @param seed the seed everything is drawn from
 * @param zone the meters' time zone
 */
public record FleetSpec(
    int meters,
    int days,
    int intervalMinutes,
    SecurityLevel security,
    Framing framing,
    String firstAddress,
    int port,
    FaultSpec faults,
    long seed,
    ZoneId zone) {

  /** IANA-registered DLMS/COSEM port (IEC 62056-47 / 62056-9-7). */
  public static final int DLMS_PORT = 4059;

  public FleetSpec {
    if (meters < 1 || meters > 1_000_000) {
      throw new IllegalArgumentException("fleet meters " + meters + " is outside 1..1000000");
    }
    if (days < 1 || days > 3_660) {
      throw new IllegalArgumentException("fleet days " + days + " is outside 1..3660");
    }
    if (intervalMinutes <= 0 || 60 % intervalMinutes != 0) {
      throw new IllegalArgumentException(
          "fleet intervalMinutes " + intervalMinutes + " does not divide 60");
    }
    if (security == null) {
      throw new IllegalArgumentException("fleet security is missing");
    }
    if (framing == null) {
      throw new IllegalArgumentException("fleet framing is missing");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("fleet port " + port + " is outside 1..65535");
    }
    if (faults == null) {
      throw new IllegalArgumentException("fleet faults is missing (use FaultSpec.none())");
    }
    if (zone == null) {
      throw new IllegalArgumentException("fleet zone is missing");
    }
    long first = loopback(firstAddress);
    if (first + meters - 1 > 0x7FFF_FFFEL) {
      throw new IllegalArgumentException(
          "fleet firstAddress "
              + firstAddress
              + " leaves no room for "
              + meters
              + " meters in 127/8");
    }
  }

  /** A fleet with the defaults: 15-minute profiles, HLS-GMAC, wrapper, 127.1.0.1:4059, UTC. */
  public static FleetSpec of(int meters, int days, long seed) {
    return new FleetSpec(
        meters,
        days,
        15,
        SecurityLevel.HLS_GMAC,
        Framing.WRAPPER,
        "127.1.0.1",
        DLMS_PORT,
        FaultSpec.none(),
        seed,
        ZoneId.of("UTC"));
  }

  /** The same fleet on loopback addresses from {@code first} (tests give each fleet its own). */
  public FleetSpec withFirstAddress(String first) {
    return new FleetSpec(
        meters, days, intervalMinutes, security, framing, first, port, faults, seed, zone);
  }

  /** The loopback address of the meter with a 0-based index. */
  public String address(int index) {
    long a = loopback(firstAddress) + index;
    return ((a >> 24) & 0xFF)
        + "."
        + ((a >> 16) & 0xFF)
        + "."
        + ((a >> 8) & 0xFF)
        + "."
        + (a & 0xFF);
  }

  private static long loopback(String address) {
    if (address == null) {
      throw new IllegalArgumentException("fleet firstAddress is missing");
    }
    InetAddress inet;
    try {
      if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw new UnknownHostException(address);
      }
      inet = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "fleet firstAddress '" + address + "' is not an IPv4 address", e);
    }
    byte[] b = inet.getAddress();
    if (!(inet instanceof Inet4Address) || b[0] != 127) {
      throw new IllegalArgumentException(
          "fleet firstAddress " + address + " is not a loopback address (127.x.y.z)");
    }
    return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
  }
}

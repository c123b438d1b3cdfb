package io.loadlens.collector.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632), e.g. {@code 10.20.0.0/16} or {@code
 * fd00::/8}. A bare address is a /32 (or /128).
 */
public record CidrBlock(byte[] network, int prefix) {

  public CidrBlock {
    Objects.requireNonNull(network, "network");
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException(
          "CIDR prefix /" + prefix + " is outside 0.." + network.length * 8);
    }
    network = mask(network.clone(), prefix);
  }

  /**
   * Parses {@code address/prefix}; the address must be a literal (no name lookup).
   *
   * @throws IllegalArgumentException naming the text
   */
  public static CidrBlock parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (!addr.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("CIDR block '" + text + "': not an IP address literal");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("CIDR block '" + text + "': " + e.getMessage(), e);
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CIDR block '" + text + "': prefix is not a number", e);
    }
    return new CidrBlock(bytes, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    byte[] masked = mask(a, prefix);
    return java.util.Arrays.equals(masked, network);
  }

  private static byte[] mask(byte[] a, int prefix) {
    for (int i = 0; i < a.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      a[i] = (byte) (a[i] & (0xFF << (8 - bits)));
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrBlock c
        && prefix == c.prefix
        && java.util.Arrays.equals(network, c.network);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.loadlens.collector.config;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string, e.g. a system title. Printed as upper-case hex. */
public record Octets(byte[] bytes) {

  public Octets {
    bytes = bytes.clone();
  }

  /** Parses hex digits (upper or lower case, no separators). */
  public static Octets ofHex(String hex) {
    return new Octets(HexFormat.of().parseHex(hex));
  }

  /** A copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}

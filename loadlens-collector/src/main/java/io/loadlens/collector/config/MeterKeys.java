package io.loadlens.collector.config;

import java.util.Arrays;

/**
 * A meter's secrets, read from its key file: the global unicast encryption key (GUEK) and the
 * authentication key (GAK) of DLMS security suite 0 (AES-128, 16 octets each, DLMS UA 1000-2 Ed. 10
 * clause 9.2.3.3), and the LLS password. Absent values are empty arrays. {@link #toString()} never
 * shows a value.
 */
public final class MeterKeys {
  /** The AES-128 key length of security suite 0 (DLMS UA 1000-2 Ed. 10, 9.2.3.3). */
  public static final int SUITE0_KEY_LENGTH = 16;

  public static final MeterKeys NONE = new MeterKeys(new byte[0], new byte[0], new byte[0]);

  private final byte[] guek;
  private final byte[] gak;
  private final byte[] password;

  public MeterKeys(byte[] guek, byte[] gak, byte[] password) {
    this.guek = guek.clone();
    this.gak = gak.clone();
    this.password = password.clone();
  }

  /** A copy of the global unicast encryption key; empty when the key file has none. */
  public byte[] guek() {
    return guek.clone();
  }

  /** A copy of the global authentication key; empty when the key file has none. */
  public byte[] gak() {
    return gak.clone();
  }

  /** A copy of the LLS password; empty when the key file has none. */
  public byte[] password() {
    return password.clone();
  }

  public boolean hasGuek() {
    return guek.length > 0;
  }

  public boolean hasGak() {
    return gak.length > 0;
  }

  public boolean hasPassword() {
    return password.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeterKeys k
        && Arrays.equals(guek, k.guek)
        && Arrays.equals(gak, k.gak)
        && Arrays.equals(password, k.password);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(guek) * 31 + Arrays.hashCode(gak);
  }

  @Override
  public String toString() {
    return "MeterKeys[guek="
        + (hasGuek() ? "set" : "none")
        + ", gak="
        + (hasGak() ? "set" : "none")
        + ", password="
        + (hasPassword() ? "set" : "none")
        + "]";
  }
}

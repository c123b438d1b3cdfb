package io.loadlens.dlms.security;

/**
 * The security control byte (DLMS UA Green Book 9.2.7.2.4.1, security header):
 *
 * <pre>
 *   bit 7 compression | bit 6 key set (0 unicast, 1 broadcast) | bit 5 encryption (E)
 *   | bit 4 authentication (A) | bits 3..0 security suite id
 * </pre>
 */
public record SecurityControl(int value) {
  public static final int COMPRESSION = 0x80;
  public static final int BROADCAST_KEY = 0x40;
  public static final int ENCRYPTION = 0x20;
  public static final int AUTHENTICATION = 0x10;

  /** Authentication only (0x10). */
  public static final SecurityControl AUTH = new SecurityControl(AUTHENTICATION);

  /** Encryption only (0x20). */
  public static final SecurityControl ENC = new SecurityControl(ENCRYPTION);

  /** Authenticated encryption (0x30), what suite 0 clients send by default. */
  public static final SecurityControl AUTH_ENC = new SecurityControl(AUTHENTICATION | ENCRYPTION);

  public SecurityControl {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException("security control " + value + " is outside 0..255");
    }
  }

  public boolean authenticated() {
    return (value & AUTHENTICATION) != 0;
  }

  public boolean encrypted() {
    return (value & ENCRYPTION) != 0;
  }

  public boolean compressed() {
    return (value & COMPRESSION) != 0;
  }

  public int suite() {
    return value & 0x0F;
  }

  @Override
  public String toString() {
    return String.format("SC 0x%02X", value);
  }
}

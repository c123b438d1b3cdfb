package io.loadlens.dlms.apdu;

/**
 * COSEM authentication mechanisms (Green Book 9.4.2.2.3), object identifier {@code
 * 2.16.756.5.8.2.x} encoded {@code 60 85 74 05 08 02 x}.
 */
public enum AuthenticationMechanism {
  NONE(0),
  LLS(1),
  HLS_GMAC(5);

  /** The OID prefix {@code 60 85 74 05 08 02} (joint-iso-ccitt country(16) ch(756) ...). */
  static final byte[] OID_PREFIX = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x02};

  private final int id;

  AuthenticationMechanism(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public byte[] oid() {
    byte[] out = java.util.Arrays.copyOf(OID_PREFIX, 7);
    out[6] = (byte) id;
    return out;
  }

  public static AuthenticationMechanism ofId(int id) {
    for (AuthenticationMechanism m : values()) {
      if (m.id == id) {
        return m;
      }
    }
    throw new io.loadlens.dlms.DlmsFramingException(
        "mechanism-name: authentication mechanism id " + id + " is not supported (0, 1, 5)");
  }
}

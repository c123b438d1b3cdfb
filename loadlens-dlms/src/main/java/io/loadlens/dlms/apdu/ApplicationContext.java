package io.loadlens.dlms.apdu;

/**
 * COSEM application context names (Green Book 9.4.2.2.2), OID {@code 2.16.756.5.8.1.x} encoded
 * {@code 60 85 74 05 08 01 x}: 1 LN referencing, 3 LN referencing with ciphering.
 */
public enum ApplicationContext {
  LN(1),
  LN_CIPHERED(3);

  private final int id;

  ApplicationContext(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public byte[] oid() {
    return new byte[] {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01, (byte) id};
  }

  public static ApplicationContext ofId(int id) {
    for (ApplicationContext c : values()) {
      if (c.id == id) {
        return c;
      }
    }
    throw new io.loadlens.dlms.DlmsFramingException(
        "application-context-name: id " + id + " is not supported (1 LN, 3 LN with ciphering)");
  }
}

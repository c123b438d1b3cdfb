package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsFramingException;

/**
 * An HDLC address (IEC 62056-46 clause 8.4.2): 1, 2 or 4 octets, each carrying 7 address bits
 * shifted left; bit 0 set on the last octet. A server address holds the upper (logical device) and,
 * in 2- or 4-octet form, the lower (physical device) address; a client address is 1 octet.
 *
 * @param size encoded size: 1, 2 or 4
 */
public record HdlcAddress(int upper, int lower, int size) {
  public HdlcAddress {
    int max =
        switch (size) {
          case 1, 2 -> 0x7F;
          case 4 -> 0x3FFF;
          default -> throw new IllegalArgumentException("HDLC address size " + size + " not 1/2/4");
        };
    if (upper < 0 || upper > max || lower < 0 || lower > max || (size == 1 && lower != 0)) {
      throw new IllegalArgumentException(
          "HDLC address upper " + upper + " lower " + lower + " does not fit " + size + " octets");
    }
  }

  /** A 1-octet client address. */
  public static HdlcAddress client(int sap) {
    return new HdlcAddress(sap, 0, 1);
  }

  /** A server address in the smallest form that holds both parts (2 or 4 octets). */
  public static HdlcAddress server(int logical, int physical) {
    return new HdlcAddress(logical, physical, logical > 0x7F || physical > 0x7F ? 4 : 2);
  }

  void encode(byte[] out, int off) {
    switch (size) {
      case 1 -> out[off] = (byte) ((upper << 1) | 1);
      case 2 -> {
        out[off] = (byte) (upper << 1);
        out[off + 1] = (byte) ((lower << 1) | 1);
      }
      default -> {
        out[off] = (byte) ((upper >>> 7) << 1);
        out[off + 1] = (byte) ((upper & 0x7F) << 1);
        out[off + 2] = (byte) ((lower >>> 7) << 1);
        out[off + 3] = (byte) (((lower & 0x7F) << 1) | 1);
      }
    }
  }

  /** Decodes the address at {@code off}, at most {@code max} octets. */
  static HdlcAddress decode(byte[] b, int off, int max, String field) {
    int n = 0;
    while (n < max && n < 4) {
      if ((b[off + n] & 1) != 0) {
        n++;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = (b[off + i] & 0xFF) >>> 1;
        }
        return switch (n) {
          case 1 -> new HdlcAddress(v[0], 0, 1);
          case 2 -> new HdlcAddress(v[0], v[1], 2);
          case 4 -> new HdlcAddress((v[0] << 7) | v[1], (v[2] << 7) | v[3], 4);
          default ->
              throw new DlmsFramingException(
                  "HDLC "
                      + field
                      + " address of 3 octets at offset "
                      + off
                      + " (1, 2 or 4 allowed)");
        };
      }
      n++;
    }
    throw new DlmsFramingException(
        "HDLC "
            + field
            + " address at offset "
            + off
            + ": no end bit within "
            + Math.min(max, 4)
            + " octets");
  }
}

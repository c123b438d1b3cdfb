package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsFramingException;
import java.util.Arrays;

/**
 * The LLC header in front of every APDU carried by HDLC (IEC 62056-46 clause 5, Green Book 8.4.1):
 * destination LSAP 0xE6, source LSAP 0xE6 (command, client → server) or 0xE7 (response), quality
 * 0x00.
 */
public final class Llc {
  public static final byte[] REQUEST = {(byte) 0xE6, (byte) 0xE6, 0x00};
  public static final byte[] RESPONSE = {(byte) 0xE6, (byte) 0xE7, 0x00};

  private Llc() {}

  public static byte[] prepend(byte[] header, byte[] apdu) {
    byte[] out = new byte[3 + apdu.length];
    System.arraycopy(header, 0, out, 0, 3);
    System.arraycopy(apdu, 0, out, 3, apdu.length);
    return out;
  }

  public static byte[] strip(byte[] expected, byte[] data) {
    if (data.length < 3 || data[0] != expected[0] || data[1] != expected[1]) {
      throw new DlmsFramingException(
          "LLC header: actual "
              + java.util.HexFormat.of().formatHex(data, 0, Math.min(3, data.length))
              + " != expected "
              + java.util.HexFormat.of().formatHex(expected));
    }
    return Arrays.copyOfRange(data, 3, data.length);
  }
}

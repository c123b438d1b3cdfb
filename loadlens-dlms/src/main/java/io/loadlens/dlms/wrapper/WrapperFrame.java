package io.loadlens.dlms.wrapper;

import io.loadlens.dlms.DlmsFramingException;
import java.util.Arrays;

/**
 * A TCP-UDP/IP wrapper frame (IEC 62056-47 clause 6, Green Book 7.3.3.2):
 *
 * <pre>
 *   version(2) = 0x0001 | source wPort(2) | destination wPort(2) | length(2) | APDU
 * </pre>
 *
 * The wPorts are the client SAP (e.g. 16 public, 1 management) and the server logical device
 * address (e.g. 1 management logical device).
 */
public record WrapperFrame(int source, int destination, byte[] apdu) {
  /** The only wrapper version defined: 0x0001. */
  public static final int VERSION = 0x0001;

  /** Header length in octets. */
  public static final int HEADER = 8;

  /** Well-known TCP port of DLMS/COSEM (IANA "dlms/cosem"). */
  public static final int DLMS_PORT = 4059;

  public WrapperFrame {
    if (source < 0 || source > 0xFFFF || destination < 0 || destination > 0xFFFF) {
      throw new IllegalArgumentException(
          "wrapper wPort source " + source + " / destination " + destination + " outside 0..65535");
    }
    if (apdu.length > 0xFFFF) {
      throw new IllegalArgumentException("wrapper APDU length " + apdu.length + " > 65535");
    }
  }

  public byte[] encode() {
    byte[] out = new byte[HEADER + apdu.length];
    out[0] = 0;
    out[1] = VERSION;
    out[2] = (byte) (source >>> 8);
    out[3] = (byte) source;
    out[4] = (byte) (destination >>> 8);
    out[5] = (byte) destination;
    out[6] = (byte) (apdu.length >>> 8);
    out[7] = (byte) apdu.length;
    System.arraycopy(apdu, 0, out, HEADER, apdu.length);
    return out;
  }

  /** Checks the version field at {@code off}. */
  static void checkVersion(byte[] b, int off) {
    int version = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    if (version != VERSION) {
      throw new DlmsFramingException(
          "wrapper version: actual 0x" + String.format("%04X", version) + " != expected 0x0001");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrapperFrame w
        && w.source == source
        && w.destination == destination
        && Arrays.equals(w.apdu, apdu);
  }

  @Override
  public int hashCode() {
    return (source * 31 + destination) * 31 + Arrays.hashCode(apdu);
  }
}

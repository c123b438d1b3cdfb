package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * The HDLC parameter negotiation field of SNRM and UA (IEC 62056-46 clause 6.4.4.4.3.2, ISO/IEC
 * 13239 parameter group):
 *
 * <pre>
 *   81 80 len | 05 n max-info-transmit | 06 n max-info-receive | 07 n window-transmit
 *             | 08 n window-receive        (n = 1, 2 or 4 octets)
 * </pre>
 *
 * Defaults when absent: 128 octets and window 1.
 */
public record HdlcParameters(
    int maxInfoTransmit, int maxInfoReceive, int windowTransmit, int windowReceive) {
  public static final HdlcParameters DEFAULT = new HdlcParameters(128, 128, 1, 1);
  private static final int FORMAT_ID = 0x81;
  private static final int GROUP_ID = 0x80;

  public HdlcParameters {
    if (maxInfoTransmit < 32
        || maxInfoReceive < 32
        || maxInfoTransmit > 2030
        || maxInfoReceive > 2030) {
      throw new IllegalArgumentException(
          "HDLC max info length tx "
              + maxInfoTransmit
              + " rx "
              + maxInfoReceive
              + " outside 32..2030");
    }
    if (windowTransmit < 1 || windowTransmit > 7 || windowReceive < 1 || windowReceive > 7) {
      throw new IllegalArgumentException(
          "HDLC window tx " + windowTransmit + " rx " + windowReceive + " outside 1..7");
    }
  }

  public byte[] encode() {
    AxdrWriter body = new AxdrWriter(20);
    param(body, 0x05, maxInfoTransmit);
    param(body, 0x06, maxInfoReceive);
    body.u8(0x07).u8(4).u32(windowTransmit);
    body.u8(0x08).u8(4).u32(windowReceive);
    byte[] b = body.toByteArray();
    return new AxdrWriter(b.length + 3)
        .u8(FORMAT_ID)
        .u8(GROUP_ID)
        .u8(b.length)
        .bytes(b)
        .toByteArray();
  }

  private static void param(AxdrWriter w, int id, int v) {
    if (v <= 0xFF) {
      w.u8(id).u8(1).u8(v);
    } else {
      w.u8(id).u8(2).u16(v);
    }
  }

  /** Decodes a parameter field; an empty field means the defaults. */
  public static HdlcParameters decode(byte[] info) {
    if (info.length == 0) {
      return DEFAULT;
    }
    if (info.length < 3 || (info[0] & 0xFF) != FORMAT_ID || (info[1] & 0xFF) != GROUP_ID) {
      throw new DlmsFramingException(
          "HDLC parameters: format/group identifier is not 81 80 (" + info.length + " octets)");
    }
    int end = 3 + (info[2] & 0xFF);
    if (end > info.length) {
      throw new DlmsFramingException(
          "HDLC parameters: group length " + (info[2] & 0xFF) + " exceeds " + (info.length - 3));
    }
    int[] v = {128, 128, 1, 1};
    int pos = 3;
    while (pos + 2 <= end) {
      int id = info[pos] & 0xFF;
      int n = info[pos + 1] & 0xFF;
      if (pos + 2 + n > end || n > 4) {
        throw new DlmsFramingException(
            "HDLC parameter 0x" + Integer.toHexString(id) + " of " + n + " octets overruns");
      }
      long value = 0;
      for (int i = 0; i < n; i++) {
        value = (value << 8) | (info[pos + 2 + i] & 0xFF);
      }
      if (id >= 5 && id <= 8) {
        v[id - 5] = (int) Math.min(Integer.MAX_VALUE, value);
      }
      pos += 2 + n;
    }
    try {
      return new HdlcParameters(v[0], v[1], v[2], v[3]);
    } catch (IllegalArgumentException e) {
      throw new DlmsFramingException("HDLC parameters: " + e.getMessage(), e);
    }
  }

  /** What the server answers to a client's proposal, given its own limits. */
  public HdlcParameters answer(int serverMaxInfo, int serverWindow) {
    // the client's receive limit bounds what the server transmits, and vice versa
    return new HdlcParameters(
        Math.min(maxInfoReceive, serverMaxInfo),
        Math.min(maxInfoTransmit, serverMaxInfo),
        Math.min(windowReceive, serverWindow),
        Math.min(windowTransmit, serverWindow));
  }
}

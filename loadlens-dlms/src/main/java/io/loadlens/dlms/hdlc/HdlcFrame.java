package io.loadlens.dlms.hdlc;

import io.loadlens.dlms.DlmsFramingException;
import java.util.Arrays;

/**
 * An HDLC frame of format type 3 (IEC 62056-46 clause 8.4):
 *
 * <pre>
 *   7E | format(2): 1010 S LLLLLLLLLLL | dest addr (1/2/4) | src addr (1/2/4) | control
 *      | [HCS(2) | information] | FCS(2) | 7E
 * </pre>
 *
 * The length counts the octets between the flags; HCS covers format..control and is present only
 * with an information field; FCS covers format..information. S = segmentation (more follows).
 */
public record HdlcFrame(
    HdlcAddress destination, HdlcAddress source, int control, boolean segmented, byte[] info) {
  public static final int FLAG = 0x7E;

  /** Frame format type 3 in the top nibble of the format field. */
  public static final int FORMAT_TYPE_3 = 0xA000;

  public static final int SEGMENTATION_BIT = 0x0800;

  /** Largest frame length the 11-bit length field holds. */
  public static final int MAX_LENGTH = 0x7FF;

  public HdlcFrame {
    info = info == null ? new byte[0] : info.clone();
  }

  @Override
  public byte[] info() {
    return info.clone();
  }

  public int infoLength() {
    return info.length;
  }

  public byte[] encode() {
    int header = 2 + destination.size() + source.size() + 1;
    int length = header + (info.length > 0 ? 2 + info.length : 0) + 2;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "HDLC frame length " + length + " exceeds " + MAX_LENGTH + " (segment the information)");
    }
    byte[] out = new byte[length + 2];
    out[0] = (byte) FLAG;
    int format = FORMAT_TYPE_3 | (segmented ? SEGMENTATION_BIT : 0) | length;
    out[1] = (byte) (format >>> 8);
    out[2] = (byte) format;
    destination.encode(out, 3);
    source.encode(out, 3 + destination.size());
    out[header] = (byte) control;
    int pos = header + 1;
    if (info.length > 0) {
      putCrc(out, pos, Crc16X25.compute(out, 1, header));
      pos += 2;
      System.arraycopy(info, 0, out, pos, info.length);
      pos += info.length;
    }
    putCrc(out, pos, Crc16X25.compute(out, 1, pos - 1));
    out[pos + 2] = (byte) FLAG;
    return out;
  }

  private static void putCrc(byte[] out, int pos, int crc) {
    out[pos] = (byte) crc;
    out[pos + 1] = (byte) (crc >>> 8);
  }

  private static int getCrc(byte[] b, int pos) {
    return (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8);
  }

  /** Decodes one whole frame {@code 7E ... 7E} at {@code [off, off+len)}. */
  public static HdlcFrame decode(byte[] b, int off, int len) {
    if (len < 9 || (b[off] & 0xFF) != FLAG || (b[off + len - 1] & 0xFF) != FLAG) {
      throw new DlmsFramingException(
          "HDLC frame of " + len + " octets at offset " + off + " is not delimited by 7E flags");
    }
    int format = ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    if ((format & 0xF000) != FORMAT_TYPE_3) {
      throw new DlmsFramingException(
          String.format("HDLC format: actual 0x%04X is not frame format type 3 (0xA...)", format));
    }
    int length = format & MAX_LENGTH;
    if (length != len - 2) {
      throw new DlmsFramingException(
          "HDLC format length " + length + " != " + (len - 2) + " octets between the flags");
    }
    int end = off + 1 + length; // index of the closing flag
    HdlcAddress dst = HdlcAddress.decode(b, off + 3, end - off - 3, "destination");
    int srcAt = off + 3 + dst.size();
    HdlcAddress src = HdlcAddress.decode(b, srcAt, end - srcAt, "source");
    int controlAt = srcAt + src.size();
    if (controlAt + 3 > end) {
      throw new DlmsFramingException("HDLC frame too short for control and FCS: length " + length);
    }
    int control = b[controlAt] & 0xFF;
    int fcsAt = end - 2;
    int fcs = Crc16X25.compute(b, off + 1, fcsAt - off - 1);
    if (fcs != getCrc(b, fcsAt)) {
      throw new DlmsFramingException(
          String.format("HDLC FCS: actual 0x%04X != expected 0x%04X", getCrc(b, fcsAt), fcs));
    }
    byte[] info = new byte[0];
    if (fcsAt > controlAt + 1) {
      int hcsAt = controlAt + 1;
      if (hcsAt + 2 > fcsAt) {
        throw new DlmsFramingException("HDLC frame: 1 octet between control and FCS, no HCS fits");
      }
      int hcs = Crc16X25.compute(b, off + 1, hcsAt - off - 1);
      if (hcs != getCrc(b, hcsAt)) {
        throw new DlmsFramingException(
            String.format("HDLC HCS: actual 0x%04X != expected 0x%04X", getCrc(b, hcsAt), hcs));
      }
      info = Arrays.copyOfRange(b, hcsAt + 2, fcsAt);
    }
    return new HdlcFrame(dst, src, control, (format & SEGMENTATION_BIT) != 0, info);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdlcFrame f
        && f.destination.equals(destination)
        && f.source.equals(source)
        && f.control == control
        && f.segmented == segmented
        && Arrays.equals(f.info, info);
  }

  @Override
  public int hashCode() {
    return ((destination.hashCode() * 31 + source.hashCode()) * 31 + control) * 31
        + Arrays.hashCode(info);
  }

  @Override
  public String toString() {
    return String.format(
        "HdlcFrame[%s <- %s control 0x%02X%s info %d octets]",
        destination, source, control, segmented ? " segmented" : "", info.length);
  }
}

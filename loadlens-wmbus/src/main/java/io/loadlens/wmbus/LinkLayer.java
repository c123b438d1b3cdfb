package io.loadlens.wmbus;

import java.io.ByteArrayOutputStream;

/**
 * EN 13757-4 data link layer: removes the block CRCs of frame format A or B, leaving the telegram
 * {@code L C M(2) A(6) CI ...} with L counting the bytes after itself.
 *
 * <pre>
 *   Frame A: block 1 = L C M A (10 bytes) + CRC; then blocks of 16 bytes + CRC (the last shorter)
 *   Frame B: block 1+2 = up to 126 bytes incl. L + one CRC; optional block 3 + its CRC;
 *            L counts the CRC bytes
 * </pre>
 *
 * Receivers (dongles, rtl-wmbus) often deliver the telegram with CRCs already removed; {@link
 * #strip} recognises all three forms by their lengths and checksums.
 */
public final class LinkLayer {
  /** The frame format a telegram arrived in. */
  public enum Format {
    A,
    B,
    /** CRCs were already removed by the receiver. */
    NO_CRC
  }

  /** A telegram without CRCs and the format it came in. */
  public record Stripped(byte[] telegram, Format format) {}

  private LinkLayer() {}

  public static Stripped strip(byte[] frame) {
    if (frame.length < 12) {
      throw new WMBusException(
          "wM-Bus frame: " + frame.length + " bytes is shorter than L C M A CI (12)");
    }
    int l = frame[0] & 0xFF;
    if (l + 1 == frame.length) {
      if (frameBOk(frame)) {
        return new Stripped(stripB(frame), Format.B);
      }
      return new Stripped(frame.clone(), Format.NO_CRC);
    }
    int aLength = frameALength(l);
    if (aLength == frame.length) {
      return new Stripped(stripA(frame, l), Format.A);
    }
    throw new WMBusException(
        "wM-Bus frame: L-field 0x"
            + Integer.toHexString(l)
            + " ("
            + l
            + ") fits neither a frame without CRCs ("
            + (l + 1)
            + " bytes) nor frame A ("
            + aLength
            + " bytes); got "
            + frame.length);
  }

  /** Total bytes of a frame A telegram with L-field {@code l}. */
  static int frameALength(int l) {
    int data = l + 1;
    int rest = Math.max(0, data - 10);
    return data + 2 + 2 * ((rest + 15) / 16);
  }

  private static byte[] stripA(byte[] f, int l) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(l + 1);
    int at = 0;
    int remaining = l + 1;
    int block = 0;
    while (remaining > 0) {
      int n = block == 0 ? 10 : Math.min(16, remaining);
      checkCrc(f, at, n, block);
      out.write(f, at, n);
      at += n + 2;
      remaining -= n;
      block++;
    }
    return out.toByteArray();
  }

  private static void checkCrc(byte[] f, int at, int n, int block) {
    int expected = ((f[at + n] & 0xFF) << 8) | (f[at + n + 1] & 0xFF);
    int actual = WMBusCrc.compute(f, at, n);
    if (actual != expected) {
      throw new WMBusException(
          String.format(
              "wM-Bus frame A block %d CRC: actual 0x%04X != expected 0x%04X",
              block + 1, actual, expected));
    }
  }

  private static boolean frameBOk(byte[] f) {
    int total = f.length;
    int first = Math.min(total, 128);
    if (first < 4) {
      return false;
    }
    int crc = ((f[first - 2] & 0xFF) << 8) | (f[first - 1] & 0xFF);
    if (WMBusCrc.compute(f, 0, first - 2) != crc) {
      return false;
    }
    if (total > 128) {
      if (total < 128 + 3) {
        return false; // block 3 needs at least one byte and its CRC
      }
      int crc3 = ((f[total - 2] & 0xFF) << 8) | (f[total - 1] & 0xFF);
      return WMBusCrc.compute(f, 128, total - 130) == crc3;
    }
    return true;
  }

  private static byte[] stripB(byte[] f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(f.length);
    int first = Math.min(f.length, 128);
    out.write(f, 0, first - 2);
    if (f.length > 128) {
      out.write(f, 128, f.length - 130);
    }
    byte[] t = out.toByteArray();
    t[0] = (byte) (t.length - 1);
    return t;
  }
}

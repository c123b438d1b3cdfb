package io.loadlens.iec21.p1;

/**
 * CRC-16/ARC (polynomial 0x8005 reflected = 0xA001, initial value 0, no final XOR), the checksum of
 * DSMR P1 telegrams from version 4.0 on: computed over every byte from the leading {@code /} up to
 * and including the {@code !}, written as four upper-case hex digits after the {@code !}.
 */
public final class Crc16Arc {
  private static final int REFLECTED_POLY = 0xA001;
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int b = 0; b < 8; b++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLY : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16Arc() {}

  public static int compute(byte[] data, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
    }
    return crc;
  }
}

package io.loadlens.wmbus;

/**
 * The EN 13757-4 CRC: CRC-16 with polynomial 0x3D65, initial value 0, final XOR 0xFFFF, not
 * reflected, stored big-endian after each block. The same CRC protects the ELL payload (stored
 * little-endian there).
 */
public final class WMBusCrc {
  private static final int POLY = 0x3D65;
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int b = 0; b < 8; b++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLY : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private WMBusCrc() {}

  public static int compute(byte[] data, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
    }
    return crc ^ 0xFFFF;
  }
}

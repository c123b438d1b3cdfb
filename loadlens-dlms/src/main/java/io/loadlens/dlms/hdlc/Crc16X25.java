package io.loadlens.dlms.hdlc;

/**
 * CRC-16/X.25 (IEC 62056-46 clause 8.4.4, the HCS and FCS of HDLC frames): polynomial 0x1021
 * reflected (0x8408), initial value 0xFFFF, final XOR 0xFFFF; sent least significant octet first.
 */
public final class Crc16X25 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16X25() {}

  public static int compute(byte[] b, int off, int len) {
    int crc = 0xFFFF;
    for (int i = off; i < off + len; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xFF];
    }
    return crc ^ 0xFFFF;
  }
}

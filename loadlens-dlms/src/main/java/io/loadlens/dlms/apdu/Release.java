package io.loadlens.dlms.apdu;

/**
 * RLRQ / RLRE (ACSE release, Green Book 9.4.2): {@code 62 03 80 01 reason} / {@code 63 03 80 01
 * reason}, reason 0 = normal.
 */
public final class Release {
  public static final int RLRQ_TAG = 0x62;
  public static final int RLRE_TAG = 0x63;

  private Release() {}

  public static byte[] request() {
    return new byte[] {RLRQ_TAG, 0x03, (byte) 0x80, 0x01, 0x00};
  }

  public static byte[] response() {
    return new byte[] {RLRE_TAG, 0x03, (byte) 0x80, 0x01, 0x00};
  }
}

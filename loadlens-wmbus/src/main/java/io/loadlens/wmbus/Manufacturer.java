package io.loadlens.wmbus;

/**
 * The manufacturer code of the M-field (EN 13757-3 / DLMS UA flag registry): three letters packed
 * in 15 bits, {@code ((c1-64)<<10) | ((c2-64)<<5) | (c3-64)}, sent little-endian.
 */
public final class Manufacturer {
  private Manufacturer() {}

  public static String decode(int m) {
    return new String(
        new char[] {
          (char) (((m >> 10) & 0x1F) + 64),
          (char) (((m >> 5) & 0x1F) + 64),
          (char) ((m & 0x1F) + 64)
        });
  }

  public static int encode(String code) {
    if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      throw new IllegalArgumentException(
          "manufacturer code '" + code + "' is not three letters A-Z");
    }
    return ((code.charAt(0) - 64) << 10) | ((code.charAt(1) - 64) << 5) | (code.charAt(2) - 64);
  }
}

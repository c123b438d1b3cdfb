package io.loadlens.wmbus;

/** EN 13757-3 annex A date types: G (date, 2 bytes), F (date and time, 4), I (with seconds, 6). */
final class Dates {
  private Dates() {}

  /** Type G: day bits 0-4, month bits 8-11, year bits 5-7 (low) and 12-15 (high). */
  static String typeG(byte[] d, int at) {
    int b0 = d[at] & 0xFF;
    int b1 = d[at + 1] & 0xFF;
    int year = ((b0 & 0xE0) >> 5) | ((b1 & 0xF0) >> 1);
    return String.format("%04d-%02d-%02d", 2000 + year, b1 & 0x0F, b0 & 0x1F);
  }

  /** Type F: minute, hour, day (+ year low bits), month (+ year high bits). */
  static String typeF(byte[] d, int at) {
    int minute = d[at] & 0x3F;
    int hour = d[at + 1] & 0x1F;
    int b2 = d[at + 2] & 0xFF;
    int b3 = d[at + 3] & 0xFF;
    int year = ((b2 & 0xE0) >> 5) | ((b3 & 0xF0) >> 1);
    return String.format(
        "%04d-%02d-%02dT%02d:%02d", 2000 + year, b3 & 0x0F, b2 & 0x1F, hour, minute);
  }

  /** Type I: second, minute, hour, day (+ year low), month (+ year high), week/flags. */
  static String typeI(byte[] d, int at) {
    int second = d[at] & 0x3F;
    int minute = d[at + 1] & 0x3F;
    int hour = d[at + 2] & 0x1F;
    int b3 = d[at + 3] & 0xFF;
    int b4 = d[at + 4] & 0xFF;
    int year = ((b3 & 0xE0) >> 5) | ((b4 & 0xF0) >> 1);
    return String.format(
        "%04d-%02d-%02dT%02d:%02d:%02d", 2000 + year, b4 & 0x0F, b3 & 0x1F, hour, minute, second);
  }
}

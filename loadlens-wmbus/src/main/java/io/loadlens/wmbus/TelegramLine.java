package io.loadlens.wmbus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One received telegram as a text line, in the forms receivers and tools write:
 *
 * <pre>
 *   2A442D2C998734761B168D20...                          plain hex (spaces, '_' and 0x allowed)
 *   T1;1;1;2019-01-01 00:00:00.000;-60;;;0x2A442D2C...   rtl-wmbus: mode;CRC ok;3of6 ok;time;RSSI;..;hex
 *   telegram=|2A442D2C..._7A..|+12                      wmbusmeters simulation files
 * </pre>
 *
 * @param frame the telegram bytes
 * @param receivedAt the receive time the line carries (rtl-wmbus), if any
 * @param rssi the signal strength in dBm the line carries, if any
 */
public record TelegramLine(byte[] frame, Optional<Instant> receivedAt, OptionalInt rssi) {
  private static final DateTimeFormatter RTL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  public TelegramLine {
    frame = frame.clone();
  }

  @Override
  public byte[] frame() {
    return frame.clone();
  }

  /**
   * Parses a line.
   *
   * @param zone the time zone of rtl-wmbus timestamps (the receiver's local time)
   * @return empty for blank lines and {@code #} comments
   * @throws WMBusException when the line is none of the forms, or rtl-wmbus marks its CRC failed
   */
  public static Optional<TelegramLine> parse(String line, ZoneId zone) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("#")) {
      return Optional.empty();
    }
    if (s.startsWith("telegram=")) {
      int first = s.indexOf('|');
      int last = s.lastIndexOf('|');
      if (first < 0 || last <= first) {
        throw new WMBusException(
            "wM-Bus line: 'telegram=' without |hex| in '" + abbreviate(s) + "'");
      }
      return Optional.of(
          new TelegramLine(
              hex(s.substring(first + 1, last)), Optional.empty(), OptionalInt.empty()));
    }
    if (s.indexOf(';') >= 0) {
      return Optional.of(rtlWmbus(s, zone));
    }
    return Optional.of(new TelegramLine(hex(s), Optional.empty(), OptionalInt.empty()));
  }

  private static TelegramLine rtlWmbus(String s, ZoneId zone) {
    String[] f = s.split(";", -1);
    if (f.length < 5) {
      throw new WMBusException(
          "wM-Bus line: rtl-wmbus form needs mode;CRC;3of6;time;RSSI;...;hex, got '"
              + abbreviate(s)
              + "'");
    }
    if (f[1].strip().equals("0")) {
      throw new WMBusException("wM-Bus line: the receiver marks this telegram's CRC as failed");
    }
    Optional<Instant> time = Optional.empty();
    try {
      time = Optional.of(LocalDateTime.parse(f[3].strip(), RTL_TIME).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // rtl-wmbus without a timestamp column: the receive time is the reader's
    }
    OptionalInt rssi = OptionalInt.empty();
    try {
      rssi = OptionalInt.of(Integer.parseInt(f[4].strip()));
    } catch (NumberFormatException e) {
      // no RSSI column
    }
    return new TelegramLine(hex(f[f.length - 1]), time, rssi);
  }

  private static byte[] hex(String text) {
    String h = text.strip();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    h = h.replace(" ", "").replace("_", "").replace("|", "");
    if (h.isEmpty()
        || h.length() % 2 != 0
        || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new WMBusException(
          "wM-Bus line: '" + abbreviate(text) + "' is not an even number of hex digits");
    }
    return HexFormat.of().parseHex(h);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}

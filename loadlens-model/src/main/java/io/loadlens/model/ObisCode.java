package io.loadlens.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-6-1): six value groups {@code A-B:C.D.E.F}, each 0..255.
 *
 * <p>Accepted text forms: {@code A-B:C.D.E*F}, {@code A-B:C.D.E.F}, {@code A-B:C.D.E} (F = 255),
 * {@code A.B.C.D.E.F} (the dotted six-group form used by DLMS tools, e.g. {@code 1.0.1.8.0.255})
 * and the reduced {@code C.D.E} of IEC 62056-21 readouts (A = 1, B = 0, F = 255). The canonical
 * text form, used in storage and messages, is {@code A-B:C.D.E.F}.
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) implements Comparable<ObisCode> {

  /** Active energy import (+A), total: {@code 1-0:1.8.0.255}. */
  public static final ObisCode ACTIVE_ENERGY_IMPORT = new ObisCode(1, 0, 1, 8, 0, 255);

  /** Active energy export (-A), total: {@code 1-0:2.8.0.255}. */
  public static final ObisCode ACTIVE_ENERGY_EXPORT = new ObisCode(1, 0, 2, 8, 0, 255);

  /**
   * Active energy import over one capture period ("time integral 5", value group D = 29): the
   * interval energy derived from the cumulative register and validated by VEE.
   */
  public static final ObisCode ACTIVE_ENERGY_IMPORT_INTERVAL = new ObisCode(1, 0, 1, 29, 0, 255);

  /** Active energy export over one capture period: {@code 1-0:2.29.0.255}. */
  public static final ObisCode ACTIVE_ENERGY_EXPORT_INTERVAL = new ObisCode(1, 0, 2, 29, 0, 255);

  /** Active power import (+P), last average over the demand period: {@code 1-0:1.5.0.255}. */
  public static final ObisCode ACTIVE_POWER_IMPORT_LAST_AVERAGE = new ObisCode(1, 0, 1, 5, 0, 255);

  /** Active power import (+P), instantaneous: {@code 1-0:1.7.0.255}. */
  public static final ObisCode ACTIVE_POWER_IMPORT = new ObisCode(1, 0, 1, 7, 0, 255);

  /** Active power export (-P), instantaneous: {@code 1-0:2.7.0.255}. */
  public static final ObisCode ACTIVE_POWER_EXPORT = new ObisCode(1, 0, 2, 7, 0, 255);

  /** Voltage L1, instantaneous: {@code 1-0:32.7.0.255}. */
  public static final ObisCode VOLTAGE_L1 = new ObisCode(1, 0, 32, 7, 0, 255);

  /** Voltage L2, instantaneous: {@code 1-0:52.7.0.255}. */
  public static final ObisCode VOLTAGE_L2 = new ObisCode(1, 0, 52, 7, 0, 255);

  /** Voltage L3, instantaneous: {@code 1-0:72.7.0.255}. */
  public static final ObisCode VOLTAGE_L3 = new ObisCode(1, 0, 72, 7, 0, 255);

  /** Load profile 1 (Profile Generic, class 7): {@code 1-0:99.1.0.255}. */
  public static final ObisCode LOAD_PROFILE_1 = new ObisCode(1, 0, 99, 1, 0, 255);

  /**
   * Load profile 2 (Profile Generic, class 7), used for power-quality values: {@code
   * 1-0:99.2.0.255}.
   */
  public static final ObisCode LOAD_PROFILE_2 = new ObisCode(1, 0, 99, 2, 0, 255);

  /** Clock (class 8): {@code 0-0:1.0.0.255}. */
  public static final ObisCode CLOCK = new ObisCode(0, 0, 1, 0, 0, 255);

  /** Current association (Association LN, class 15): {@code 0-0:40.0.0.255}. */
  public static final ObisCode CURRENT_ASSOCIATION = new ObisCode(0, 0, 40, 0, 0, 255);

  /** Standard event log / power-failure event log: {@code 0-0:99.98.0.255}. */
  public static final ObisCode STANDARD_EVENT_LOG = new ObisCode(0, 0, 99, 98, 0, 255);

  /** Device ID 1, manufacturing number: {@code 0-0:96.1.0.255}. */
  public static final ObisCode DEVICE_ID_1 = new ObisCode(0, 0, 96, 1, 0, 255);

  /**
   * The invocation counter of the meter's security setup (Data, class 1): what a client that lost
   * its own counter reads with the public client before it associates with HLS-GMAC again.
   */
  public static final ObisCode INVOCATION_COUNTER = new ObisCode(0, 0, 43, 1, 0, 255);

  private static final Pattern IEC_FORM =
      Pattern.compile(
          "(\\d{1,3})-(\\d{1,3}):(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:[.*&](\\d{1,3}))?");
  private static final Pattern DOTTED_SIX =
      Pattern.compile(
          "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern REDUCED =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:[*&](\\d{1,3}))?");

  public ObisCode {
    check("A", a);
    check("B", b);
    check("C", c);
    check("D", d);
    check("E", e);
    check("F", f);
  }

  private static void check(String group, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(
          "OBIS value group " + group + " = " + value + " is outside 0..255");
    }
  }

  /**
   * Parses any accepted text form.
   *
   * @throws IllegalArgumentException naming the text when it is not an OBIS code
   */
  public static ObisCode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("OBIS code is missing (null)");
    }
    try {
      return parseTrimmed(text.trim(), text);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("not an OBIS code")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "not an OBIS code: '" + text + "' (" + e.getMessage() + ")", e);
    }
  }

  private static ObisCode parseTrimmed(String s, String text) {
    Matcher m = IEC_FORM.matcher(s);
    if (m.matches()) {
      return of(m, 1, 2, 3, 4, 5, m.group(6) == null ? 255 : Integer.parseInt(m.group(6)));
    }
    m = DOTTED_SIX.matcher(s);
    if (m.matches()) {
      return of(m, 1, 2, 3, 4, 5, Integer.parseInt(m.group(6)));
    }
    m = REDUCED.matcher(s);
    if (m.matches()) {
      return new ObisCode(
          1,
          0,
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          m.group(4) == null ? 255 : Integer.parseInt(m.group(4)));
    }
    throw new IllegalArgumentException(
        "not an OBIS code: '" + text + "' (expected A-B:C.D.E.F, A-B:C.D.E*F or A.B.C.D.E.F)");
  }

  private static ObisCode of(Matcher m, int ga, int gb, int gc, int gd, int ge, int f) {
    return new ObisCode(
        Integer.parseInt(m.group(ga)),
        Integer.parseInt(m.group(gb)),
        Integer.parseInt(m.group(gc)),
        Integer.parseInt(m.group(gd)),
        Integer.parseInt(m.group(ge)),
        f);
  }

  /** Decodes the 6-octet form used on the wire by DLMS/COSEM. */
  public static ObisCode fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != 6) {
      throw new IllegalArgumentException(
          "OBIS code needs 6 octets, got " + (bytes == null ? "null" : bytes.length));
    }
    return fromBytes(bytes, 0);
  }

  /** Decodes 6 octets starting at {@code offset}. */
  public static ObisCode fromBytes(byte[] bytes, int offset) {
    if (offset < 0 || offset + 6 > bytes.length) {
      throw new IllegalArgumentException(
          "OBIS code needs 6 octets at offset "
              + offset
              + ", only "
              + (bytes.length - offset)
              + " left");
    }
    return new ObisCode(
        bytes[offset] & 0xFF,
        bytes[offset + 1] & 0xFF,
        bytes[offset + 2] & 0xFF,
        bytes[offset + 3] & 0xFF,
        bytes[offset + 4] & 0xFF,
        bytes[offset + 5] & 0xFF);
  }

  /** The 6-octet wire form. */
  public byte[] toBytes() {
    return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f};
  }

  /** The dotted six-group form, e.g. {@code 1.0.99.1.0.255}. */
  public String toDotted() {
    return a + "." + b + "." + c + "." + d + "." + e + "." + f;
  }

  /** The canonical form {@code A-B:C.D.E.F}, e.g. {@code 1-0:1.8.0.255}. */
  @Override
  public String toString() {
    return a + "-" + b + ":" + c + "." + d + "." + e + "." + f;
  }

  @Override
  public int compareTo(ObisCode o) {
    return Long.compare(packed(), o.packed());
  }

  private long packed() {
    return ((long) a << 40)
        | ((long) b << 32)
        | ((long) c << 24)
        | ((long) d << 16)
        | ((long) e << 8)
        | f;
  }
}

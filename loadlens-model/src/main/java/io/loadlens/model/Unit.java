package io.loadlens.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Physical units, numbered as the DLMS/COSEM {@code unit} enumeration (IEC 62056-6-2, scaler_unit),
 * for those units loadlens stores. Values are stored in these base units after the scaler is
 * applied: energy in Wh, power in W, voltage in V.
 */
public enum Unit {
  /** Year-independent: count or ratio (DLMS 255 "no unit"). */
  NONE(255, ""),
  SECOND(7, "s"),
  DEGREE(8, "°"),
  CELSIUS(9, "°C"),
  CUBIC_METRE(13, "m3"),
  CUBIC_METRE_PER_HOUR(15, "m3/h"),
  WATT(27, "W"),
  VOLT_AMPERE(28, "VA"),
  VAR(29, "var"),
  WATT_HOUR(30, "Wh"),
  VOLT_AMPERE_HOUR(31, "VAh"),
  VAR_HOUR(32, "varh"),
  AMPERE(33, "A"),
  VOLT(35, "V"),
  HERTZ(44, "Hz"),
  JOULE(12, "J");

  private final int dlmsCode;
  private final String symbol;

  Unit(int dlmsCode, String symbol) {
    this.dlmsCode = dlmsCode;
    this.symbol = symbol;
  }

  /** The DLMS/COSEM unit enumeration value. */
  public int dlmsCode() {
    return dlmsCode;
  }

  public String symbol() {
    return symbol;
  }

  public static Optional<Unit> fromDlmsCode(int code) {
    return Arrays.stream(values()).filter(u -> u.dlmsCode == code).findFirst();
  }

  /**
   * Parses a symbol as stored ("Wh", "kWh" is not a base unit and is rejected here: convert first).
   */
  public static Unit fromSymbol(String symbol) {
    String s = symbol == null ? "" : symbol.trim();
    for (Unit u : values()) {
      if (u.symbol.equalsIgnoreCase(s) || u.name().equalsIgnoreCase(s.replace(' ', '_'))) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "unknown unit '" + symbol + "' (known: " + Arrays.toString(symbols()) + ")");
  }

  private static String[] symbols() {
    return Arrays.stream(values())
        .map(u -> u.symbol.isEmpty() ? "(none)" : u.symbol)
        .toArray(String[]::new);
  }

  @Override
  public String toString() {
    return symbol.isEmpty() ? name().toLowerCase(Locale.ROOT) : symbol;
  }
}

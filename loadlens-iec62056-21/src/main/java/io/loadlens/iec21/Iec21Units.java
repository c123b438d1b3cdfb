package io.loadlens.iec21;

import io.loadlens.model.Unit;
import java.util.Locale;
import java.util.Optional;

/**
 * The units IEC 62056-21 readouts and DSMR P1 telegrams write after {@code *} in a value group,
 * converted to loadlens base units: kWh → Wh, kW → W, kvarh → varh, kvar → var, GJ → J; V, A, m3, s
 * and Hz are kept; a value without a unit is a count ({@link Unit#NONE}).
 */
public final class Iec21Units {
  private Iec21Units() {}

  /** A value in a base unit. */
  public record Scaled(double value, Unit unit) {}

  /** The value in base units, or empty when loadlens does not know the unit (case ignored). */
  public static Optional<Scaled> toBase(String unit, double raw) {
    return Optional.ofNullable(
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "kwh" -> new Scaled(raw * 1000, Unit.WATT_HOUR);
          case "wh" -> new Scaled(raw, Unit.WATT_HOUR);
          case "kw" -> new Scaled(raw * 1000, Unit.WATT);
          case "w" -> new Scaled(raw, Unit.WATT);
          case "kvarh" -> new Scaled(raw * 1000, Unit.VAR_HOUR);
          case "varh" -> new Scaled(raw, Unit.VAR_HOUR);
          case "kvar" -> new Scaled(raw * 1000, Unit.VAR);
          case "var" -> new Scaled(raw, Unit.VAR);
          case "v" -> new Scaled(raw, Unit.VOLT);
          case "a" -> new Scaled(raw, Unit.AMPERE);
          case "m3" -> new Scaled(raw, Unit.CUBIC_METRE);
          case "gj" -> new Scaled(raw * 1e9, Unit.JOULE);
          case "s" -> new Scaled(raw, Unit.SECOND);
          case "hz" -> new Scaled(raw, Unit.HERTZ);
          case "" -> new Scaled(raw, Unit.NONE);
          default -> null;
        });
  }
}

package io.loadlens.insights;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link InsightEngine} needs for one consumer.
 *
 * @param importWh validated interval import energy ({@code 1-0:1.29.0.255}) in Wh per interval
 * @param zone the consumer's local time zone (days, hours, seasons, tariffs are local)
 * @param exportWh interval export energy ({@code 1-0:2.29.0.255}) in Wh, or {@code null}
 * @param voltages voltage series ({@code 1-0:32.7.0.255}, 52.7, 72.7) in V, possibly empty
 * @param temperatureC outdoor temperature in °C at any regular spacing, or {@code null}
 */
public record ConsumerInput(
    ValidatedSeries importWh,
    ZoneId zone,
    IntervalSeries exportWh,
    List<IntervalSeries> voltages,
    IntervalSeries temperatureC) {

  public ConsumerInput {
    Objects.requireNonNull(importWh, "importWh");
    Objects.requireNonNull(zone, "zone");
    voltages = voltages == null ? List.of() : List.copyOf(voltages);
    if (importWh.unit() != Unit.WATT_HOUR) {
      throw new IllegalArgumentException(
          "importWh of " + importWh.meter() + ": unit must be Wh, got " + importWh.unit());
    }
    if (86_400 % importWh.intervalSeconds() != 0) {
      throw new IllegalArgumentException(
          "importWh of "
              + importWh.meter()
              + ": intervalSeconds must divide a day, got "
              + importWh.intervalSeconds());
    }
    if (exportWh != null && exportWh.unit() != Unit.WATT_HOUR) {
      throw new IllegalArgumentException(
          "exportWh of " + importWh.meter() + ": unit must be Wh, got " + exportWh.unit());
    }
    for (IntervalSeries v : voltages) {
      if (v.unit() != Unit.VOLT) {
        throw new IllegalArgumentException(
            "voltage " + v.obis() + " of " + v.meter() + ": unit must be V, got " + v.unit());
      }
    }
    if (temperatureC != null && temperatureC.unit() != Unit.CELSIUS) {
      throw new IllegalArgumentException(
          "temperatureC: unit must be °C, got " + temperatureC.unit());
    }
  }

  /** Import energy only. */
  public static ConsumerInput of(ValidatedSeries importWh, ZoneId zone) {
    return new ConsumerInput(importWh, zone, null, List.of(), null);
  }

  public ConsumerInput withExport(IntervalSeries export) {
    return new ConsumerInput(importWh, zone, export, voltages, temperatureC);
  }

  public ConsumerInput withVoltages(List<IntervalSeries> v) {
    return new ConsumerInput(importWh, zone, exportWh, v, temperatureC);
  }

  public ConsumerInput withTemperature(IntervalSeries t) {
    return new ConsumerInput(importWh, zone, exportWh, voltages, t);
  }

  /** The OBIS code the import series is expected to carry. */
  public static ObisCode importCode() {
    return ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  }
}

package io.loadlens.wmbus;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a decoded wM-Bus telegram into readings: the current-value records (storage 0, tariff 0,
 * subunit 0, instantaneous) mapped to OBIS codes by the meter's medium (IEC 62056-6-1 value group
 * A: 1 electricity, 6 heat, 7 gas, 8 cold water, 9 hot water).
 *
 * <pre>
 *   medium (device type)              record                 OBIS              unit
 *   electricity (02)                  energy                 1-0:1.8.0.255     Wh
 *                                     power                  1-0:1.7.0.255     W
 *   gas (03)                          volume                 7-0:3.0.0.255     m3
 *   heat (04, 0C, 0D)                 energy (Wh or J)       6-0:1.0.0.255     Wh
 *                                     volume                 6-0:2.0.0.255     m3
 *                                     flow temperature       6-0:10.0.0.255    °C
 *                                     return temperature     6-0:11.0.0.255    °C
 *   water, cold water (07, 16)        volume                 8-0:1.0.0.255     m3
 *   warm water, hot water (06, 15)    volume                 9-0:1.0.0.255     m3
 * </pre>
 *
 * The first record of each kind wins. The meter id is {@code <MAN>-<id>}, e.g. {@code
 * KAM-76348799}. The reading time is the telegram's current date-time record in the meter's zone,
 * else the receive time.
 */
public final class WMBusReadings {
  private static final double JOULE_PER_WH = 3600.0;

  private record Target(ObisCode obis, Unit unit, double factor) {}

  private WMBusReadings() {}

  /** The meter id of a telegram's meter: {@code <MAN>-<id>}. */
  public static MeterId meterId(WMBusTelegram t) {
    return MeterId.of(t.manufacturer() + "-" + t.id());
  }

  /**
   * The readings of a telegram; empty when it holds no current value loadlens maps.
   *
   * @param meterZone the zone of the meter's clock, for its date-time record
   */
  public static Optional<ReadingBatch> toBatch(
      WMBusTelegram t, Instant receivedAt, ZoneId meterZone) {
    MeterId meter;
    try {
      meter = meterId(t);
    } catch (IllegalArgumentException e) {
      throw new WMBusException(
          "wM-Bus telegram: manufacturer '"
              + t.manufacturer()
              + "' and id '"
              + t.id()
              + "' make no meter id",
          e);
    }
    long time = readingTime(t, meterZone).orElse(receivedAt).getEpochSecond();
    Map<ObisCode, IntervalSeries> series = new LinkedHashMap<>();
    for (DataRecord r : t.records()) {
      if (!r.isCurrent() || !r.isNumeric()) {
        continue;
      }
      Optional<Target> target = target(t.deviceType(), r);
      if (target.isPresent() && !series.containsKey(target.get().obis())) {
        Target g = target.get();
        series.put(
            g.obis(),
            IntervalSeries.of(
                meter,
                g.obis(),
                g.unit(),
                new long[] {time},
                new double[] {r.value() * g.factor()}));
      }
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            (meter
                    + "|"
                    + time
                    + "|"
                    + series.values().stream().map(s -> s.obis() + "=" + s.values()[0]).toList())
                .getBytes(StandardCharsets.UTF_8));
    return Optional.of(
        new ReadingBatch(id, meter, "wmbus", receivedAt, new ArrayList<>(series.values())));
  }

  /** The current (storage 0) date-time record, when present and a valid time. */
  static Optional<Instant> readingTime(WMBusTelegram t, ZoneId zone) {
    for (DataRecord r : t.records()) {
      if (r.description().equals("date and time")
          && r.storage() == 0
          && r.tariff() == 0
          && r.subunit() == 0
          && !r.text().isEmpty()) {
        try {
          return Optional.of(LocalDateTime.parse(r.text()).atZone(zone).toInstant());
        } catch (DateTimeException e) {
          return Optional.empty(); // e.g. a meter's invalid-time marker
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Target> target(int deviceType, DataRecord r) {
    String what = r.description();
    String unit = r.unit();
    return switch (deviceType) {
      case 0x02 -> electricity(what, unit);
      case 0x03 ->
          what.equals("volume")
              ? Optional.of(new Target(obis(7, 3, 0), Unit.CUBIC_METRE, 1))
              : Optional.empty();
      case 0x04, 0x0C, 0x0D -> heat(what, unit);
      case 0x07, 0x16 -> water(what, 8);
      case 0x06, 0x15 -> water(what, 9);
      default -> Optional.empty();
    };
  }

  private static Optional<Target> electricity(String what, String unit) {
    if (what.equals("energy")) {
      return energy(ObisCode.ACTIVE_ENERGY_IMPORT, unit);
    }
    if (what.equals("power")) {
      return switch (unit) {
        case "W" -> Optional.of(new Target(ObisCode.ACTIVE_POWER_IMPORT, Unit.WATT, 1));
        case "J/h" ->
            Optional.of(new Target(ObisCode.ACTIVE_POWER_IMPORT, Unit.WATT, 1 / JOULE_PER_WH));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static Optional<Target> heat(String what, String unit) {
    return switch (what) {
      case "energy" -> energy(obis(6, 1, 0), unit);
      case "volume" -> Optional.of(new Target(obis(6, 2, 0), Unit.CUBIC_METRE, 1));
      case "flow temperature" -> Optional.of(new Target(obis(6, 10, 0), Unit.CELSIUS, 1));
      case "return temperature" -> Optional.of(new Target(obis(6, 11, 0), Unit.CELSIUS, 1));
      default -> Optional.empty();
    };
  }

  private static Optional<Target> water(String what, int group) {
    return what.equals("volume")
        ? Optional.of(new Target(obis(group, 1, 0), Unit.CUBIC_METRE, 1))
        : Optional.empty();
  }

  private static Optional<Target> energy(ObisCode obis, String unit) {
    return switch (unit) {
      case "Wh" -> Optional.of(new Target(obis, Unit.WATT_HOUR, 1));
      case "J" -> Optional.of(new Target(obis, Unit.WATT_HOUR, 1 / JOULE_PER_WH));
      default -> Optional.empty();
    };
  }

  private static ObisCode obis(int a, int c, int d) {
    return new ObisCode(a, 0, c, d, 0, 255);
  }
}

package io.loadlens.store;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How the columns of a CSV file map to readings.
 *
 * @param meterColumn the column holding the meter id, or {@code null} to use {@code fixedMeter}
 * @param fixedMeter the meter of every row when the file has no meter column
 * @param timestampColumns one or more columns joined with a space to form the time (e.g. {@code
 *     DATE} and {@code START TIME})
 * @param timestampPattern a {@link java.time.format.DateTimeFormatter} pattern for local times, or
 *     {@code iso} for ISO-8601 instants with offset ({@code 2026-01-01T00:15:00Z})
 * @param zone the zone local times are in (ignored for {@code iso})
 * @param values value columns and the channel each goes to
 * @param obisColumn a column naming each row's channel instead (then {@code values} has one entry
 *     whose OBIS code is a placeholder), or {@code null}
 * @param unitColumn a column naming each row's unit with {@code obisColumn}, or {@code null}
 * @param qualityColumn a column of loadlens quality names: rows that are not raw values (ESTIMATED,
 *     EDITED, MISSING) are skipped, SUSPECT rows keep their flag; or {@code null}
 * @param intervalSeconds the interval length: times not on the interval grid are rejected; 0 to
 *     accept any time
 * @param headerStartsWith skip lines until one that starts with this text, which is the header
 *     (Green Button files have a preamble); {@code null} when the first line is the header
 * @param source the source recorded with the rows, e.g. {@code import:sgsc50.csv}
 */
public record ColumnMapping(
    String meterColumn,
    MeterId fixedMeter,
    List<String> timestampColumns,
    String timestampPattern,
    ZoneId zone,
    List<ValueColumn> values,
    String obisColumn,
    String unitColumn,
    String qualityColumn,
    int intervalSeconds,
    String headerStartsWith,
    String source) {

  /** A value column, the channel it feeds, and the factor to the channel's unit. */
  public record ValueColumn(String column, ObisCode obis, Unit unit, double multiplier) {
    public ValueColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(obis, "obis");
      Objects.requireNonNull(unit, "unit");
      if (!Double.isFinite(multiplier) || multiplier == 0) {
        throw new IllegalArgumentException(
            "value column " + column + ": multiplier " + multiplier + " must be finite, non-zero");
      }
    }
  }

  /** kWh to Wh. */
  public static final double KWH_TO_WH = 1000;

  public ColumnMapping {
    if (meterColumn == null && fixedMeter == null) {
      throw new IllegalArgumentException("column mapping: give a meter column or a fixed meter");
    }
    timestampColumns = List.copyOf(timestampColumns);
    if (timestampColumns.isEmpty()) {
      throw new IllegalArgumentException("column mapping: no timestamp column");
    }
    Objects.requireNonNull(timestampPattern, "timestampPattern");
    zone = zone == null ? ZoneOffset.UTC : zone;
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("column mapping: no value column");
    }
    if (intervalSeconds < 0) {
      throw new IllegalArgumentException(
          "column mapping: intervalSeconds " + intervalSeconds + " is negative");
    }
    source = source == null || source.isBlank() ? "import" : source;
  }

  /**
   * The SGSC 50-household extract ({@code sgsc50.csv.gz}): {@code customer_id}, local {@code
   * reading_datetime} (Australia/Sydney, start of a 30-minute interval), {@code general_supply_kwh}
   * into {@link ObisCode#ACTIVE_ENERGY_IMPORT_INTERVAL} in Wh.
   */
  public static ColumnMapping sgsc50() {
    return new ColumnMapping(
        "customer_id",
        null,
        List.of("reading_datetime"),
        "yyyy-MM-dd HH:mm:ss",
        ZoneId.of("Australia/Sydney"),
        List.of(
            new ValueColumn(
                "general_supply_kwh",
                ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
                Unit.WATT_HOUR,
                KWH_TO_WH)),
        null,
        null,
        null,
        1800,
        null,
        "import:sgsc50.csv");
  }

  /**
   * A Green Button "Download My Data" electricity CSV: a preamble, then {@code TYPE, DATE, START
   * TIME, END TIME, USAGE, UNITS, ...} rows with local times and usage in kWh.
   */
  public static ColumnMapping greenButton(MeterId meter, ZoneId zone, int intervalSeconds) {
    return new ColumnMapping(
        null,
        meter,
        List.of("DATE", "START TIME"),
        "yyyy-MM-dd H:mm",
        zone,
        List.of(
            new ValueColumn(
                "USAGE", ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, KWH_TO_WH)),
        null,
        null,
        null,
        intervalSeconds,
        "TYPE",
        "import:greenbutton");
  }

  /** A file written by {@link Exporter} (raw values come back; estimates are skipped). */
  public static ColumnMapping loadlensExport() {
    return new ColumnMapping(
        "meter_id",
        null,
        List.of("timestamp"),
        "iso",
        ZoneOffset.UTC,
        List.of(new ValueColumn("value", ObisCode.ACTIVE_ENERGY_IMPORT, Unit.NONE, 1)),
        "obis",
        "unit",
        "quality",
        0,
        null,
        "import:loadlens.csv");
  }
}

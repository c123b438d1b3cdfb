package io.loadlens.collector;

import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.util.List;
import java.util.Objects;

/**
 * What a meter returned for one profile read, as columns: capture times, the status byte and one
 * value column per captured object (already scaled to {@link Unit} base units). The rows are as the
 * meter sent them: the collector sorts, de-duplicates and range-checks them.
 *
 * @param profile the Profile Generic object read
 * @param capturePeriodSeconds the profile's capture period as the meter reports it (0 if unknown)
 * @param columns the value columns (not the clock and status columns)
 * @param epochSeconds capture time per row
 * @param status status byte per row ({@link io.loadlens.model.ProfileStatus})
 * @param values {@code values[column][row]}
 */
public record ProfileRows(
    ObisCode profile,
    int capturePeriodSeconds,
    List<Column> columns,
    long[] epochSeconds,
    int[] status,
    double[][] values) {

  /** One value column: its OBIS code and the unit its values are in. */
  public record Column(ObisCode obis, Unit unit) {
    public Column {
      Objects.requireNonNull(obis, "obis");
      Objects.requireNonNull(unit, "unit");
    }
  }

  public ProfileRows {
    Objects.requireNonNull(profile, "profile");
    columns = List.copyOf(columns);
    if (status.length != epochSeconds.length) {
      throw new IllegalArgumentException(
          "profile "
              + profile
              + ": "
              + epochSeconds.length
              + " capture times but "
              + status.length
              + " status values");
    }
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "profile "
              + profile
              + ": "
              + columns.size()
              + " columns but "
              + values.length
              + " value columns");
    }
    for (int c = 0; c < values.length; c++) {
      if (values[c].length != epochSeconds.length) {
        throw new IllegalArgumentException(
            "profile "
                + profile
                + " column "
                + columns.get(c).obis()
                + ": "
                + values[c].length
                + " values for "
                + epochSeconds.length
                + " rows");
      }
    }
  }

  public int rowCount() {
    return epochSeconds.length;
  }
}

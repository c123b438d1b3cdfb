package io.loadlens.dlms.client;

import io.loadlens.model.ObisCode;
import java.util.List;

/**
 * A Profile Generic read, as columns. {@code columns} describe the value columns (capture objects
 * other than the clock and the status), in capture order; {@code values[column][row]} are scaled
 * (raw × 10^scaler, NaN where the meter sent null-data). {@code status} is 0 for every row when the
 * profile captures no status object.
 */
public record ProfileData(
    ObisCode profile,
    int capturePeriodSeconds,
    List<ProfileColumn> columns,
    long[] epochSeconds,
    int[] status,
    double[][] values) {
  public ProfileData {
    columns = List.copyOf(columns);
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "profile data: "
              + values.length
              + " value columns but "
              + columns.size()
              + " column descriptions");
    }
    for (double[] v : values) {
      if (v.length != epochSeconds.length) {
        throw new IllegalArgumentException(
            "profile data: a column has " + v.length + " rows, times have " + epochSeconds.length);
      }
    }
    if (status.length != epochSeconds.length) {
      throw new IllegalArgumentException(
          "profile data: status has " + status.length + " rows, times have " + epochSeconds.length);
    }
  }

  public int rows() {
    return epochSeconds.length;
  }
}

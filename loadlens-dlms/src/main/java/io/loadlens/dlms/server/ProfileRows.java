package io.loadlens.dlms.server;

/**
 * Rows of a profile as columns, unscaled: capture times (epoch seconds, UTC), status bytes, and
 * {@code values[column][row]} for each value column of the {@link ProfileDefinition}.
 */
public record ProfileRows(long[] epochSeconds, int[] status, long[][] values) {
  public ProfileRows {
    for (long[] column : values) {
      if (column.length != epochSeconds.length) {
        throw new IllegalArgumentException(
            "profile rows: a value column has "
                + column.length
                + " rows, times have "
                + epochSeconds.length);
      }
    }
    if (status.length != epochSeconds.length) {
      throw new IllegalArgumentException(
          "profile rows: status has " + status.length + " rows, times have " + epochSeconds.length);
    }
  }

  public int size() {
    return epochSeconds.length;
  }
}

package io.loadlens.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One channel of one meter as columns: capture times (epoch seconds, UTC), values in {@link #unit}
 * and the meter's status byte per row ({@link ProfileStatus}). Rows are sorted by time and times
 * are unique. The arrays are owned by the series: they are copied on the way in and must not be
 * changed by readers of {@link #epochSeconds()}, {@link #values()} and {@link #status()} (the
 * accessors return the arrays themselves so analytics can run without copying).
 */
public record IntervalSeries(
    MeterId meter, ObisCode obis, Unit unit, long[] epochSeconds, double[] values, int[] status) {

  public IntervalSeries {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(obis, "obis");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(epochSeconds, "epochSeconds");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(status, "status");
    if (values.length != epochSeconds.length || status.length != epochSeconds.length) {
      throw new IllegalArgumentException(
          "series "
              + meter
              + " "
              + obis
              + ": column lengths differ (times "
              + epochSeconds.length
              + ", values "
              + values.length
              + ", status "
              + status.length
              + ")");
    }
    for (int i = 1; i < epochSeconds.length; i++) {
      if (epochSeconds[i] <= epochSeconds[i - 1]) {
        throw new IllegalArgumentException(
            "series "
                + meter
                + " "
                + obis
                + ": times must be strictly increasing, row "
                + i
                + " ("
                + Instant.ofEpochSecond(epochSeconds[i])
                + ") is not after row "
                + (i - 1)
                + " ("
                + Instant.ofEpochSecond(epochSeconds[i - 1])
                + ")");
      }
    }
    epochSeconds = epochSeconds.clone();
    values = values.clone();
    status = status.clone();
  }

  /** A series with all status bytes zero. */
  public static IntervalSeries of(
      MeterId meter, ObisCode obis, Unit unit, long[] epochSeconds, double[] values) {
    return new IntervalSeries(
        meter, obis, unit, epochSeconds, values, new int[epochSeconds.length]);
  }

  public static IntervalSeries empty(MeterId meter, ObisCode obis, Unit unit) {
    return new IntervalSeries(meter, obis, unit, new long[0], new double[0], new int[0]);
  }

  public int size() {
    return epochSeconds.length;
  }

  public boolean isEmpty() {
    return epochSeconds.length == 0;
  }

  public Instant time(int row) {
    return Instant.ofEpochSecond(epochSeconds[row]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSeries s
        && meter.equals(s.meter)
        && obis.equals(s.obis)
        && unit == s.unit
        && Arrays.equals(epochSeconds, s.epochSeconds)
        && Arrays.equals(values, s.values)
        && Arrays.equals(status, s.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, obis, unit, Arrays.hashCode(epochSeconds), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "IntervalSeries[" + meter + " " + obis + " " + unit + ", " + size() + " rows]";
  }
}

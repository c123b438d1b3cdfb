package io.loadlens.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of VEE for one meter and channel: a complete regular series of interval values, each
 * with its {@link Quality} and, for substituted values, the {@link EstimationMethod} that made it.
 * Raw data is never changed; this series is stored beside it.
 *
 * @param meter the meter
 * @param obis the channel, normally an interval-energy code such as {@link
 *     ObisCode#ACTIVE_ENERGY_IMPORT_INTERVAL}
 * @param unit the values' unit
 * @param intervalSeconds the regular spacing of {@code epochSeconds}
 * @param epochSeconds interval start times (UTC), strictly increasing by {@code intervalSeconds}
 * @param values values; {@code NaN} where quality is {@link Quality#MISSING}
 * @param quality quality per interval
 * @param method estimation method per interval, {@code null} entries where nothing was substituted
 * @param reasons validation reason codes per interval (a bit set of {@code ValidationReason}
 *     ordinals defined by the analytics module), 0 when none
 * @param veeVersion the version of the VEE rules that produced this series
 */
public record ValidatedSeries(
    MeterId meter,
    ObisCode obis,
    Unit unit,
    int intervalSeconds,
    long[] epochSeconds,
    double[] values,
    Quality[] quality,
    EstimationMethod[] method,
    long[] reasons,
    String veeVersion) {

  public ValidatedSeries {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(obis, "obis");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(veeVersion, "veeVersion");
    if (intervalSeconds <= 0) {
      throw new IllegalArgumentException(
          "intervalSeconds must be positive, got " + intervalSeconds);
    }
    int n = epochSeconds.length;
    if (values.length != n || quality.length != n || method.length != n || reasons.length != n) {
      throw new IllegalArgumentException(
          "validated series "
              + meter
              + " "
              + obis
              + ": column lengths differ (times "
              + n
              + ", values "
              + values.length
              + ", quality "
              + quality.length
              + ", method "
              + method.length
              + ", reasons "
              + reasons.length
              + ")");
    }
    for (int i = 1; i < n; i++) {
      if (epochSeconds[i] - epochSeconds[i - 1] != intervalSeconds) {
        throw new IllegalArgumentException(
            "validated series "
                + meter
                + " "
                + obis
                + ": row "
                + i
                + " is "
                + (epochSeconds[i] - epochSeconds[i - 1])
                + " s after row "
                + (i - 1)
                + ", expected the interval "
                + intervalSeconds
                + " s");
      }
    }
    epochSeconds = epochSeconds.clone();
    values = values.clone();
    quality = quality.clone();
    method = method.clone();
    reasons = reasons.clone();
  }

  public int size() {
    return epochSeconds.length;
  }

  /** How many intervals have the given quality. */
  public int count(Quality q) {
    int n = 0;
    for (Quality x : quality) {
      if (x == q) {
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatedSeries s
        && meter.equals(s.meter)
        && obis.equals(s.obis)
        && unit == s.unit
        && intervalSeconds == s.intervalSeconds
        && veeVersion.equals(s.veeVersion)
        && Arrays.equals(epochSeconds, s.epochSeconds)
        && Arrays.equals(values, s.values)
        && Arrays.equals(quality, s.quality)
        && Arrays.equals(method, s.method)
        && Arrays.equals(reasons, s.reasons);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, obis, intervalSeconds, Arrays.hashCode(epochSeconds));
  }

  @Override
  public String toString() {
    return "ValidatedSeries["
        + meter
        + " "
        + obis
        + ", "
        + size()
        + " intervals, vee "
        + veeVersion
        + "]";
  }
}

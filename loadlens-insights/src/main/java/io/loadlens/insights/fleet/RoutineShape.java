package io.loadlens.insights.fleet;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * The features segmentation clusters on: a consumer's routine day, weekday and weekend hour by
 * hour. Per hour of day, the median demand over the days (a nightly heater or a charging session
 * twice a week moves a mean, not a median) above the consumer's always-on level (the 5th
 * percentile), taken in the {@link #QUIET_MONTHS} months with the least energy per day (heating and
 * cooling, which follow the weather rather than the household, are then at their lowest). The 48
 * values are divided by their mean and capped at {@link #CAP}, so that one large appliance's hour
 * cannot outweigh the rest of the day.
 */
final class RoutineShape {
  static final int QUIET_MONTHS = 4;
  static final double CAP = 2.5;
  static final double BASE_PERCENTILE = 5;

  /** Local hour of day, weekend flag and month index (0..11) of every grid step. */
  record Calendar(byte[] hour, boolean[] weekend, byte[] month) {
    static Calendar of(FleetGrid grid, ZoneId zone) {
      int n = grid.steps();
      byte[] hour = new byte[n];
      boolean[] weekend = new boolean[n];
      byte[] month = new byte[n];
      for (int k = 0; k < n; k++) {
        ZonedDateTime t = grid.time(k).atZone(zone);
        hour[k] = (byte) t.getHour();
        weekend[k] = t.getDayOfWeek().getValue() >= 6;
        month[k] = (byte) (t.getMonthValue() - 1);
      }
      return new Calendar(hour, weekend, month);
    }
  }

  private RoutineShape() {}

  /** The 48 features (weekday hours 0..23, then weekend hours); all ones without consumption. */
  static double[] of(float[] kw, Calendar cal) {
    boolean[] quiet = quietMonths(kw, cal);
    int[] count = new int[48];
    for (int k = 0; k < kw.length; k++) {
      if (quiet[cal.month()[k]] && !Float.isNaN(kw[k])) {
        count[bucket(cal, k)]++;
      }
    }
    float[][] values = new float[48][];
    for (int b = 0; b < 48; b++) {
      values[b] = new float[count[b]];
    }
    float[] all = new float[Arrays.stream(count).sum()];
    int[] fill = new int[48];
    int a = 0;
    for (int k = 0; k < kw.length; k++) {
      if (quiet[cal.month()[k]] && !Float.isNaN(kw[k])) {
        int b = bucket(cal, k);
        values[b][fill[b]++] = kw[k];
        all[a++] = kw[k];
      }
    }
    double[] f = new double[48];
    Arrays.fill(f, 1);
    if (all.length == 0) {
      return f;
    }
    Arrays.sort(all);
    double base = all[(int) (BASE_PERCENTILE / 100 * (all.length - 1))];
    double mean = 0;
    for (int b = 0; b < 48; b++) {
      float[] v = values[b];
      if (v.length == 0) {
        f[b] = Double.NaN;
        continue;
      }
      Arrays.sort(v);
      f[b] = Math.max(0, v[v.length / 2] - base);
      mean += f[b];
    }
    // An hour without data takes the other day type's value at that hour.
    for (int b = 0; b < 48; b++) {
      if (Double.isNaN(f[b])) {
        double other = f[(b + 24) % 48];
        f[b] = Double.isNaN(other) ? 0 : other;
        mean += f[b];
      }
    }
    mean /= 48;
    for (int b = 0; b < 48; b++) {
      f[b] = mean > 0 ? Math.min(CAP, f[b] / mean) : 1;
    }
    return f;
  }

  private static int bucket(Calendar cal, int k) {
    return (cal.weekend()[k] ? 24 : 0) + cal.hour()[k];
  }

  /** The quietest months with at least a week of data; every month when fewer than six have it. */
  static boolean[] quietMonths(float[] kw, Calendar cal) {
    double[] sum = new double[12];
    int[] n = new int[12];
    for (int k = 0; k < kw.length; k++) {
      if (!Float.isNaN(kw[k])) {
        sum[cal.month()[k]] += kw[k];
        n[cal.month()[k]]++;
      }
    }
    Integer[] months =
        java.util.stream.IntStream.range(0, 12)
            .filter(m -> n[m] >= 7 * 24)
            .boxed()
            .toArray(Integer[]::new);
    boolean[] quiet = new boolean[12];
    if (months.length < QUIET_MONTHS + 2) {
      Arrays.fill(quiet, true);
      return quiet;
    }
    Arrays.sort(months, java.util.Comparator.comparingDouble(m -> sum[m] / n[m]));
    for (int i = 0; i < QUIET_MONTHS; i++) {
      quiet[months[i]] = true;
    }
    return quiet;
  }
}

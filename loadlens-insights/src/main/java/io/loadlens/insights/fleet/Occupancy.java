package io.loadlens.insights.fleet;

import java.util.Arrays;

/**
 * How regularly a home is in use: its typical day's energy above the always-on level against its
 * average day's. A home lived in every day has a typical (median) day close to its average day; a
 * home empty on most days has a typical day at the always-on level, and its few occupied days make
 * the whole of its average above it.
 */
final class Occupancy {
  /** The always-on level: this percentile of the demand. */
  static final double BASE_PERCENTILE = 5;

  /** A day is counted when at least this share of its steps has a value. */
  static final double MIN_DAY_COVERAGE = 0.9;

  private Occupancy() {}

  /**
   * The median over the whole days of the energy above the always-on level, divided by its mean:
   * near 1 for a home used every day, near 0 for one empty on most days; {@code NaN} with fewer
   * than 7 whole days or no energy above the always-on level.
   *
   * @param kw mean demand per step, {@code NaN} where no data
   * @param stepsPerDay the grid's steps in a day
   */
  static double typicalDayShare(float[] kw, int stepsPerDay) {
    float[] finite = new float[kw.length];
    int n = 0;
    for (float v : kw) {
      if (!Float.isNaN(v)) {
        finite[n++] = v;
      }
    }
    if (n == 0 || stepsPerDay <= 0) {
      return Double.NaN;
    }
    float[] sorted = Arrays.copyOf(finite, n);
    Arrays.sort(sorted);
    double base = sorted[(int) (BASE_PERCENTILE / 100 * (n - 1))];
    int days = kw.length / stepsPerDay;
    double[] above = new double[days];
    int whole = 0;
    for (int d = 0; d < days; d++) {
      double sum = 0;
      int count = 0;
      for (int k = d * stepsPerDay; k < (d + 1) * stepsPerDay; k++) {
        if (!Float.isNaN(kw[k])) {
          sum += Math.max(0, kw[k] - base);
          count++;
        }
      }
      if (count >= MIN_DAY_COVERAGE * stepsPerDay) {
        above[whole++] = sum * stepsPerDay / count;
      }
    }
    if (whole < 7) {
      return Double.NaN;
    }
    double[] v = Arrays.copyOf(above, whole);
    double mean = Arrays.stream(v).average().orElse(0);
    if (mean <= 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    double median = whole % 2 == 1 ? v[whole / 2] : (v[whole / 2 - 1] + v[whole / 2]) / 2;
    return median / mean;
  }
}

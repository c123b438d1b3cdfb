package io.loadlens.vee.internal;

import io.loadlens.model.IntervalSeries;
import io.loadlens.vee.ValidationReason;

/**
 * Places raw rows on the regular grid of the span. Capture times within the clock tolerance of the
 * grid are snapped to it ({@link ValidationReason#CLOCK_SHIFT} when not exact); farther off, the
 * row is not placed and the slot it belongs to is flagged. Two rows for one slot are a {@link
 * ValidationReason#DUPLICATE} (same value, first kept) or a {@link ValidationReason#CONFLICT}.
 *
 * <p>Register rows are instants: boundary {@code k} holds the register at {@code from + k*step} and
 * slot {@code i} gets {@code register[i+1] - register[i]} with the status of the row at its end.
 * Interval rows are placed by their start ({@code INTERVAL_START}) or end ({@code INTERVAL_END}).
 */
public final class GridBuilder {
  private GridBuilder() {}

  /**
   * Builds the grid for one direction.
   *
   * @param intervals interval-energy rows, or null
   * @param register cumulative register rows, or null (at least one of the two is given)
   * @param rowEnd whether interval rows are stamped at the interval end
   */
  public static Work build(
      IntervalSeries intervals,
      IntervalSeries register,
      long from,
      int n,
      int step,
      boolean rowEnd,
      long toleranceSeconds) {
    Work w = new Work(n, from, step, register != null);
    if (register != null) {
      placeRegister(w, register, toleranceSeconds);
    }
    if (intervals != null) {
      placeIntervals(w, intervals, rowEnd, toleranceSeconds);
    } else {
      deriveFromRegister(w);
    }
    return w;
  }

  private static void placeIntervals(Work w, IntervalSeries s, boolean rowEnd, long tolerance) {
    long[] t = s.epochSeconds();
    double[] v = s.values();
    int[] st = s.status();
    int step = w.step;
    long half = step / 2;
    for (int j = 0; j < t.length; j++) {
      long start = rowEnd ? t[j] - step : t[j];
      long rel = start - w.from;
      long k = Math.floorDiv(rel + half, step);
      long off = rel - k * step;
      if (k < 0 || k >= w.n) {
        continue;
      }
      int i = (int) k;
      if (off != 0) {
        w.reasons[i] |= ValidationReason.CLOCK_SHIFT.bit();
        if (Math.abs(off) > tolerance) {
          continue;
        }
      }
      double value = Double.isNaN(v[j]) ? Double.NaN : v[j];
      if (w.present(i)) {
        w.reasons[i] |=
            sameValue(w.raw[i], value)
                ? ValidationReason.DUPLICATE.bit()
                : ValidationReason.CONFLICT.bit();
        continue;
      }
      w.raw[i] = value;
      w.status[i] = st[j];
    }
  }

  private static void placeRegister(Work w, IntervalSeries s, long tolerance) {
    long[] t = s.epochSeconds();
    double[] v = s.values();
    int[] st = s.status();
    int step = w.step;
    long half = step / 2;
    int[] boundaryStatus = w.boundaryStatus;
    for (int j = 0; j < t.length; j++) {
      long rel = t[j] - w.from;
      long k = Math.floorDiv(rel + half, step);
      long off = rel - k * step;
      if (k < 0 || k > w.n || Double.isNaN(v[j])) {
        continue;
      }
      int b = (int) k;
      if (off != 0) {
        w.mark(b - 1, b + 1, ValidationReason.CLOCK_SHIFT.bit());
        if (Math.abs(off) > tolerance) {
          continue;
        }
      }
      if (!Double.isNaN(w.register[b])) {
        long bit =
            sameValue(w.register[b], v[j])
                ? ValidationReason.DUPLICATE.bit()
                : ValidationReason.CONFLICT.bit();
        w.mark(b - 1, b + 1, bit);
        continue;
      }
      w.register[b] = v[j];
      boundaryStatus[b] = st[j];
    }
    for (int i = 0; i < w.n; i++) {
      w.status[i] = boundaryStatus[i + 1];
    }
  }

  private static void deriveFromRegister(Work w) {
    double[] r = w.register;
    for (int i = 0; i < w.n; i++) {
      w.raw[i] = r[i + 1] - r[i]; // NaN when either reading is missing
    }
  }

  private static boolean sameValue(double a, double b) {
    return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
}

package io.loadlens.vee.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.Quality;
import io.loadlens.vee.ValidationReason;
import java.util.function.Supplier;

/**
 * Fills every run of slots to estimate (missing or replaced values), in this order:
 *
 * <ol>
 *   <li>a run no longer than the interpolation limit with endpoints ({@link Work#endpoint}: valid
 *       values, or values kept in a zero run or flat line) on both sides: linear interpolation
 *       ({@code INTERPOLATED});
 *   <li>such a run with only a left endpoint: it is carried forward ({@code FORWARD_FILLED});
 *   <li>otherwise the profile estimate ({@link ProfileSource}: similar days, the meter's mean day,
 *       the segment profile), scaled to the level of the gap's surroundings, plus the deviation of
 *       the gap's edges from it, carried in as far as the meter's own residual correlogram says it
 *       persists ({@code PROFILE_ESTIMATED});
 *   <li>with no profile for some interval: interpolation between the nearest valid intervals at any
 *       distance ({@code INTERPOLATED}), else the one valid side carried ({@code FORWARD_FILLED}).
 *       Only a channel without any valid interval stays {@code MISSING}.
 * </ol>
 *
 * Never an outage, a clock-status or a replaced value as an endpoint or anchor; the edges of a
 * profile estimate are {@code VALID} slots only. When the register gives the energy across a run of
 * missing slots, the estimate's shape is scaled to that total ({@code REGISTER_PRORATED}; evenly
 * when there is no shape).
 */
public final class Estimator {
  private final Work w;
  private final boolean[] anchor;
  private final int limit;
  private final int billingLimit;
  private final Supplier<ProfileSource> profiles;
  private ProfileSource profile;
  private final int registerSearch;

  private Correlogram correlogram;

  /** Valid intervals on each side of a gap whose deviation from the profile is kriged into it. */
  static final int EDGE_POINTS = 2;

  Estimator(Work w, boolean[] anchor, int limitSlots, int billingLimit, Supplier<ProfileSource> p) {
    this.w = w;
    this.anchor = anchor;
    this.limit = limitSlots;
    this.billingLimit = billingLimit;
    this.profiles = p;
    this.registerSearch = 2 * 86_400 / w.step;
  }

  /** Estimates every run of {@code est} slots. */
  void run(boolean[] est) {
    double[] shape = new double[16];
    int i = 0;
    while (i < w.n) {
      if (!est[i]) {
        i++;
        continue;
      }
      int a = i;
      while (i < w.n && est[i]) {
        i++;
      }
      if (shape.length < i - a) {
        shape = new double[Math.max(i - a, 2 * shape.length)];
      }
      fill(a, i, shape);
    }
  }

  private void fill(int a, int b, double[] shape) {
    int len = b - a;
    double total = knownTotal(a, b);
    int l = anchorLeft(a);
    int r = anchorRight(b);
    EstimationMethod m;
    if (l >= 0 && r >= 0 && r - l - 1 <= limit) {
      double vl = w.value[l];
      double vr = w.value[r];
      for (int i = a; i < b; i++) {
        shape[i - a] = vl + (vr - vl) * (i - l) / (double) (r - l);
      }
      m = EstimationMethod.INTERPOLATED;
    } else if (l >= 0 && r < 0 && b - l - 1 <= limit && b == w.n) {
      java.util.Arrays.fill(shape, 0, len, w.value[l]);
      m = EstimationMethod.FORWARD_FILLED;
    } else if (profile().fill(a, b, shape)) {
      bridge(a, b, shape);
      m = EstimationMethod.PROFILE_ESTIMATED;
    } else if (!Double.isNaN(total)) {
      java.util.Arrays.fill(shape, 0, len, 1.0);
      m = EstimationMethod.REGISTER_PRORATED;
    } else {
      m = fallback(a, b, shape);
      if (m == null) {
        for (int i = a; i < b; i++) {
          w.value[i] = Double.NaN;
          w.quality[i] = Quality.MISSING;
        }
        return;
      }
    }
    if (!Double.isNaN(total)) {
      prorate(shape, len, total);
      m = EstimationMethod.REGISTER_PRORATED;
    }
    long billing = len > billingLimit ? ValidationReason.LONG_GAP.bit() : 0;
    for (int i = a; i < b; i++) {
      w.value[i] = shape[i - a];
      w.quality[i] = Quality.ESTIMATED;
      w.method[i] = m;
      w.reasons[i] |= billing;
    }
  }

  /**
   * Fits the profile to the gap's surroundings. First its level: the profile is scaled by the ratio
   * of the meter's usable energy to the profile's over one day on each side of the gap ({@link
   * #level}), so a week away or a cold spell carries into the gap. Then the deviation the edges
   * show from the scaled profile, as far as it persists: the residuals (value - profile) at the
   * nearest {@link #EDGE_POINTS} valid intervals on each side, within one day, are kriged into the
   * gap with the meter's own residual correlogram ({@link Correlogram#solve}). A short gap thus
   * keeps the level of its edges with the similar days' shape; deep inside a long gap the estimate
   * returns to the scaled profile.
   */
  private void bridge(int a, int b, double[] shape) {
    int maxLag = 86_400 / w.step;
    if (correlogram == null) {
      correlogram = correlogramAround(a, b, maxLag);
    }
    double scale = level(a, b, maxLag);
    int[] pos = new int[2 * EDGE_POINTS];
    double[] res = new double[2 * EDGE_POINTS];
    int count = 0;
    for (int i = a - 1, seen = 0; i >= 0 && a - i <= maxLag && seen < EDGE_POINTS; i--) {
      if (anchor[i] && !Double.isNaN(profile.at(i))) {
        pos[count] = i;
        res[count++] = w.value[i] - scale * profile.at(i);
        seen++;
      }
    }
    for (int i = b, seen = 0; i < w.n && i - b < maxLag && seen < EDGE_POINTS; i++) {
      if (anchor[i] && !Double.isNaN(profile.at(i))) {
        pos[count] = i;
        res[count++] = w.value[i] - scale * profile.at(i);
        seen++;
      }
    }
    for (int i = a; i < b; i++) {
      shape[i - a] *= scale;
    }
    double[] z = count == 0 ? null : correlogram.solve(pos, res, count);
    if (z == null) {
      return;
    }
    // an empirical correlogram need not be positive definite, and its kriging weights can then
    // overshoot: the correction stays between zero and the deviations seen at the edges
    double lo = 0;
    double hi = 0;
    for (int j = 0; j < count; j++) {
      lo = Math.min(lo, res[j]);
      hi = Math.max(hi, res[j]);
    }
    for (int i = a; i < b; i++) {
      double c = Math.max(lo, Math.min(hi, correlogram.krige(i, pos, z)));
      shape[i - a] = Math.max(0, shape[i - a] + c);
    }
  }

  /** The level scale is kept within {@code [1 / MAX_LEVEL, MAX_LEVEL]}. */
  static final double MAX_LEVEL = 2;

  /**
   * The meter's usable energy over the profile's, at the usable intervals within {@code days} slots
   * before and after the gap {@code [a, b)}; 1 when there are none or the profile is zero there,
   * and kept within {@code [1 / MAX_LEVEL, MAX_LEVEL]} so a few odd edge days cannot multiply the
   * estimate.
   */
  private double level(int a, int b, int days) {
    double meter = 0;
    double prof = 0;
    int lo = Math.max(a - days, profile.firstIndex());
    int hi = Math.min(b + days, w.n);
    for (int t = lo; t < hi; t++) {
      if (t == a) {
        t = b - 1;
        continue;
      }
      double v = profile.usable(t);
      double p = Double.isNaN(v) ? Double.NaN : profile.at(t);
      if (!Double.isNaN(p)) {
        meter += v;
        prof += p;
      }
    }
    if (!(prof > 0) || !(meter > 0)) {
      return prof > 0 ? 1 / MAX_LEVEL : 1;
    }
    return Math.max(1 / MAX_LEVEL, Math.min(MAX_LEVEL, meter / prof));
  }

  /** The residual correlogram from the usable values within a week of the first profile gap. */
  private Correlogram correlogramAround(int a, int b, int maxLag) {
    int week = 7 * 86_400 / w.step;
    int lo = Math.max(a - week, profile.firstIndex());
    int hi = Math.min(b + week, w.n);
    double[] res = new double[hi - lo];
    for (int t = lo; t < hi; t++) {
      double v = profile.usable(t);
      res[t - lo] = Double.isNaN(v) ? Double.NaN : v - profile.at(t);
    }
    return Correlogram.of(res, maxLag);
  }

  /**
   * No profile for some interval of the run (the meter has no usable value at that time of day):
   * linear interpolation between the nearest valid intervals at any distance ({@code
   * INTERPOLATED}), else the one valid neighbour carried into the gap ({@code FORWARD_FILLED});
   * null when the channel has no valid interval at all.
   */
  private EstimationMethod fallback(int a, int b, double[] shape) {
    int l = a - 1;
    while (l >= 0 && !anchor[l]) {
      l--;
    }
    int r = b;
    while (r < w.n && !anchor[r]) {
      r++;
    }
    int len = b - a;
    if (l >= 0 && r < w.n) {
      double vl = w.value[l];
      double vr = w.value[r];
      for (int i = a; i < b; i++) {
        shape[i - a] = vl + (vr - vl) * (i - l) / (double) (r - l);
      }
      return EstimationMethod.INTERPOLATED;
    }
    if (l >= 0 || r < w.n) {
      java.util.Arrays.fill(shape, 0, len, w.value[l >= 0 ? l : r]);
      return EstimationMethod.FORWARD_FILLED;
    }
    return null;
  }

  private ProfileSource profile() {
    if (profile == null) {
      profile = profiles.get();
    }
    return profile;
  }

  private static void prorate(double[] shape, int len, double total) {
    double sum = 0;
    for (int i = 0; i < len; i++) {
      shape[i] = Math.max(0, shape[i]);
      sum += shape[i];
    }
    for (int i = 0; i < len; i++) {
      shape[i] = sum > 0 ? shape[i] * total / sum : total / len;
    }
  }

  /** The nearest short-gap endpoint ({@link Work#endpoint}) left of {@code a}, within the limit. */
  private int anchorLeft(int a) {
    for (int i = a - 1; i >= 0 && a - i <= limit + 1; i--) {
      if (w.endpoint[i]) {
        return i;
      }
    }
    return -1;
  }

  private int anchorRight(int b) {
    for (int i = b; i < w.n && i - b <= limit; i++) {
      if (w.endpoint[i]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The energy the register recorded across {@code [a, b)}, when every slot of the run is missing
   * and register readings bound it (directly, or past read intervals within two days): NaN
   * otherwise, or when the register went backwards across the run.
   */
  double knownTotal(int a, int b) {
    double[] reg = w.register;
    if (reg == null) {
      return Double.NaN;
    }
    for (int i = a; i < b; i++) {
      if (w.present(i)) {
        return Double.NaN;
      }
    }
    double known = 0;
    int p = a;
    while (Double.isNaN(reg[p])) {
      if (p == 0 || !w.present(p - 1) || a - p > registerSearch) {
        return Double.NaN;
      }
      known += w.raw[--p];
    }
    int q = b;
    while (Double.isNaN(reg[q])) {
      if (q == w.n || !w.present(q) || q - b > registerSearch) {
        return Double.NaN;
      }
      known += w.raw[q++];
    }
    double total = reg[q] - reg[p] - known;
    return total >= 0 ? total : Double.NaN;
  }
}

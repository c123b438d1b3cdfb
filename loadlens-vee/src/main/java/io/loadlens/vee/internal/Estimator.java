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
 *   <li>otherwise the estimate from the profile ({@link ProfileSource}: similar days, the meter's
 *       mean day, the segment profile) that the meter's own data favours: {@link GapCandidates}
 *       built from the profile scaled to the level of the gap's surroundings, the gap's edges and
 *       linear interpolation, one chosen by {@link SelfValidation} on artificial gaps of the same
 *       length and time of day ({@code PROFILE_ESTIMATED}, or {@code INTERPOLATED} when linear
 *       interpolation wins);
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

  private final int searchDays;
  private GapCandidates candidates;
  private SelfValidation selection;
  private double[][] gapBuf = new double[GapCandidates.COUNT][16];

  Estimator(
      Work w,
      boolean[] anchor,
      int limitSlots,
      int billingLimit,
      int searchDays,
      Supplier<ProfileSource> p) {
    this.w = w;
    this.anchor = anchor;
    this.limit = limitSlots;
    this.billingLimit = billingLimit;
    this.searchDays = searchDays;
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
      m = estimate(a, b, shape, !Double.isNaN(total));
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
   * The profile estimate of {@code [a, b)} (the profile has a value for each of its slots): the
   * {@link GapCandidates candidate} that {@link SelfValidation} finds best on artificial gaps of
   * the same length and time of day in the meter's own data. Linear interpolation, when chosen, is
   * {@code INTERPOLATED}; every other candidate uses the profile.
   */
  private EstimationMethod estimate(int a, int b, double[] shape, boolean totalKnown) {
    if (candidates == null) {
      Correlogram correlogram = correlogramAround(a, b, 86_400 / w.step);
      candidates = new GapCandidates(w, anchor, profile, correlogram);
      selection = new SelfValidation(w, profile, candidates, searchDays);
    }
    int len = b - a;
    if (gapBuf[0].length < len) {
      gapBuf = new double[GapCandidates.COUNT][Math.max(len, 2 * gapBuf[0].length)];
    }
    int c = selection.choose(a, b, totalKnown);
    candidates.compute(a, b, gapBuf);
    System.arraycopy(gapBuf[c], 0, shape, 0, len);
    return c == GapCandidates.LINEAR
        ? EstimationMethod.INTERPOLATED
        : EstimationMethod.PROFILE_ESTIMATED;
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

package io.loadlens.vee.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.Quality;
import io.loadlens.vee.ValidationReason;
import java.util.function.Supplier;

/**
 * Fills every run of slots to estimate (missing or replaced values), in this order:
 *
 * <ol>
 *   <li>a run no longer than the interpolation limit with valid anchors on both sides: linear
 *       interpolation ({@code INTERPOLATED});
 *   <li>such a run with only a left anchor: the anchor carried forward ({@code FORWARD_FILLED});
 *   <li>otherwise the profile estimate: similar days, else the segment profile ({@code
 *       PROFILE_ESTIMATED}); with no profile, a short run with only a right anchor carries it back.
 * </ol>
 *
 * Anchors are only {@code VALID} slots: never an outage, a suspect or a replaced value. When the
 * register gives the energy across a run of missing slots, the estimate's shape is scaled to that
 * total ({@code REGISTER_PRORATED}; evenly when there is no shape).
 */
public final class Estimator {
  private final Work w;
  private final boolean[] anchor;
  private final int limit;
  private final int billingLimit;
  private final Supplier<ProfileSource> profiles;
  private ProfileSource profile;
  private final int registerSearch;

  /** Fade of the anchor correction, in intervals (tuned on the real-data evaluation). */
  private static final double FADE_SLOTS = 4.0;

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
      if (Double.isNaN(total)) {
        anchorToNeighbours(a, b, shape);
      }
      m = EstimationMethod.PROFILE_ESTIMATED;
    } else if (!Double.isNaN(total)) {
      java.util.Arrays.fill(shape, 0, len, 1.0);
      m = EstimationMethod.REGISTER_PRORATED;
    } else if (r >= 0 && l < 0 && r - a <= limit) {
      java.util.Arrays.fill(shape, 0, len, w.value[r]);
      m = EstimationMethod.FORWARD_FILLED;
    } else {
      for (int i = a; i < b; i++) {
        w.value[i] = Double.NaN;
        w.quality[i] = Quality.MISSING;
      }
      return;
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
   * Bends the profile towards the valid neighbours of the gap: the profile's error at each anchor
   * is added back, fading out with a time constant of {@code FADE_SLOTS} intervals, so the estimate
   * joins the measured level at both ends and returns to the profile inside a long gap.
   */
  private void anchorToNeighbours(int a, int b, double[] shape) {
    int l = a - 1 >= 0 && anchor[a - 1] ? a - 1 : -1;
    int r = b < w.n && anchor[b] ? b : -1;
    double rl = l >= 0 ? w.value[l] - profile.at(l) : 0;
    double rr = r >= 0 ? w.value[r] - profile.at(r) : 0;
    rl = Double.isNaN(rl) ? 0 : rl;
    rr = Double.isNaN(rr) ? 0 : rr;
    for (int i = a; i < b; i++) {
      double c = rl * Math.exp(-(i - a + 1) / FADE_SLOTS) + rr * Math.exp(-(b - i) / FADE_SLOTS);
      shape[i - a] = Math.max(0, shape[i - a] + c);
    }
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

  private int anchorLeft(int a) {
    for (int i = a - 1; i >= 0 && a - i <= limit + 1; i--) {
      if (anchor[i]) {
        return i;
      }
    }
    return -1;
  }

  private int anchorRight(int b) {
    for (int i = b; i < w.n && i - b <= limit; i++) {
      if (anchor[i]) {
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

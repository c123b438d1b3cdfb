package io.loadlens.vee.internal;

/**
 * The candidate estimates of one gap beyond the interpolation limit, each made only from what lies
 * outside the gap, so that the same computation serves the real gap and the artificial gaps {@link
 * SelfValidation} cuts into the meter's complete data to choose between them:
 *
 * <ul>
 *   <li>{@link #BRIDGE}: the profile scaled to the level of the gap's surroundings plus the
 *       deviation of the edges from it, kriged into the gap with the meter's residual correlogram
 *       (the estimate of VEE 1.2.0);
 *   <li>{@link #LINEAR}: linear interpolation between the nearest valid intervals on each side;
 *   <li>{@link #BLEND_25}, {@link #BLEND_50}, {@link #BLEND_75}: the bridge weighted ¼, ½, ¾ and
 *       linear interpolation the rest;
 *   <li>{@link #RESIDUAL}: the scaled profile plus the edges' deviation from it interpolated
 *       linearly across the gap (the shape of the similar days, the level of both edges);
 *   <li>{@link #LEVEL}: the scaled profile alone.
 * </ul>
 *
 * Slot indices are span indices; negative ones are history (usable values only, see {@link
 * #edgeValue}).
 */
final class GapCandidates {
  static final int BRIDGE = 0;
  static final int LINEAR = 1;
  static final int BLEND_25 = 2;
  static final int BLEND_50 = 3;
  static final int BLEND_75 = 4;
  static final int RESIDUAL = 5;
  static final int LEVEL = 6;

  /** Number of candidates. */
  static final int COUNT = 7;

  /** Valid intervals on each side of a gap whose deviation from the profile is kriged into it. */
  static final int EDGE_POINTS = 2;

  /** The level scale is kept within {@code [1 / MAX_LEVEL, MAX_LEVEL]}. */
  static final double MAX_LEVEL = 2;

  private final Work w;
  private final boolean[] anchor;
  private final ProfileSource profile;
  private final Correlogram correlogram;
  private final int maxLag;
  private final int[] pos = new int[2 * EDGE_POINTS];
  private final double[] res = new double[2 * EDGE_POINTS];

  GapCandidates(Work w, boolean[] anchor, ProfileSource profile, Correlogram correlogram) {
    this.w = w;
    this.anchor = anchor;
    this.profile = profile;
    this.correlogram = correlogram;
    this.maxLag = 86_400 / w.step;
  }

  /**
   * The value of slot {@code i} usable as a gap edge: a valid span interval ({@link Work#anchor}),
   * or a usable history interval; NaN otherwise.
   */
  double edgeValue(int i) {
    if (i < 0) {
      return i >= profile.firstIndex() ? profile.usable(i) : Double.NaN;
    }
    return i < w.n && anchor[i] ? w.value[i] : Double.NaN;
  }

  /**
   * Fills {@code out[c][0 .. b-a)} with every candidate {@code c} for the gap {@code [a, b)}; false
   * (nothing filled) when the profile has no value for some slot of the gap. Values inside the gap
   * are never read.
   */
  boolean compute(int a, int b, double[][] out) {
    for (int i = a; i < b; i++) {
      if (Double.isNaN(profile.at(i))) {
        return false;
      }
    }
    double scale = level(a, b);
    int count = 0;
    for (int i = a - 1, seen = 0;
        i >= profile.firstIndex() && a - i <= maxLag && seen < EDGE_POINTS;
        i--) {
      double v = edgeValue(i);
      if (!Double.isNaN(v) && !Double.isNaN(profile.at(i))) {
        pos[count] = i;
        res[count++] = v - scale * profile.at(i);
        seen++;
      }
    }
    int left = count;
    for (int i = b, seen = 0; i < w.n && i - b < maxLag && seen < EDGE_POINTS; i++) {
      double v = edgeValue(i);
      if (!Double.isNaN(v) && !Double.isNaN(profile.at(i))) {
        pos[count] = i;
        res[count++] = v - scale * profile.at(i);
        seen++;
      }
    }
    boolean hasLeft = left > 0;
    boolean hasRight = count > left;
    int l = hasLeft ? pos[0] : -1;
    int r = hasRight ? pos[left] : -1;
    double[] z = count == 0 ? null : correlogram.solve(pos, res, count);
    // an empirical correlogram need not be positive definite, and its kriging weights can then
    // overshoot: the correction stays between zero and the deviations seen at the edges
    double lo = 0;
    double hi = 0;
    for (int j = 0; j < count; j++) {
      lo = Math.min(lo, res[j]);
      hi = Math.max(hi, res[j]);
    }
    for (int i = a; i < b; i++) {
      int k = i - a;
      double p = scale * profile.at(i);
      double c = z == null ? 0 : Math.max(lo, Math.min(hi, correlogram.krige(i, pos, z)));
      double bridge = Math.max(0, p + c);
      double lin;
      double resid;
      if (hasLeft && hasRight) {
        double f = (i - l) / (double) (r - l);
        lin = edgeValue(l) + (edgeValue(r) - edgeValue(l)) * f;
        resid = Math.max(0, p + res[0] + (res[left] - res[0]) * f);
      } else {
        lin = hasLeft ? edgeValue(l) : hasRight ? edgeValue(r) : bridge;
        resid = bridge;
      }
      out[BRIDGE][k] = bridge;
      out[LINEAR][k] = lin;
      out[BLEND_25][k] = 0.25 * bridge + 0.75 * lin;
      out[BLEND_50][k] = 0.5 * bridge + 0.5 * lin;
      out[BLEND_75][k] = 0.75 * bridge + 0.25 * lin;
      out[RESIDUAL][k] = resid;
      out[LEVEL][k] = p;
    }
    return true;
  }

  /**
   * The meter's usable energy over the profile's, at the usable intervals within one day before and
   * after the gap {@code [a, b)}; 1 when there are none or the profile is zero there, and kept
   * within {@code [1 / MAX_LEVEL, MAX_LEVEL]} so a few odd edge days cannot multiply the estimate.
   */
  double level(int a, int b) {
    double meter = 0;
    double prof = 0;
    int lo = Math.max(a - maxLag, profile.firstIndex());
    int hi = Math.min(b + maxLag, w.n);
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
}

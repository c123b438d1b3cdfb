package io.loadlens.vee.internal;

/**
 * The autocorrelation of a meter's deviation from its profile (residual = value - profile), by lag
 * in intervals, estimated from the meter's own usable values around a gap. It says how long a
 * deviation seen at the edge of a gap (the household is out, or cooking) persists into it.
 *
 * <p>The estimate inside a gap is the profile plus the best linear predictor of the residual from
 * the residuals at the two edge intervals (simple kriging with this correlogram): with lags {@code
 * k} to the left edge, {@code m} to the right edge and {@code g = k + m} between the edges,
 *
 * <pre>
 *   wL = (rho(k) - rho(g) rho(m)) / (1 - rho(g)^2),   wR = (rho(m) - rho(g) rho(k)) / (1 - rho(g)^2)
 * </pre>
 *
 * Lags beyond one day count as uncorrelated; correlations are clamped to {@code [0, MAX_RHO]} so
 * the weights stay bounded.
 */
final class Correlogram {
  /** Upper bound on any correlation, keeping the two-edge system well conditioned. */
  static final double MAX_RHO = 0.95;

  /** Fewer residual pairs than this at a lag: the lag counts as uncorrelated. */
  static final int MIN_PAIRS = 24;

  /** Added to the diagonal of the kriging system (a small nugget) to keep it solvable. */
  static final double RIDGE = 1e-3;

  private final double[] rho; // rho[k] for k = 0 .. maxLag

  private Correlogram(double[] rho) {
    this.rho = rho;
  }

  /** A correlogram with no persistence: the estimate is the profile alone. */
  static Correlogram none() {
    return new Correlogram(new double[] {1});
  }

  /** The correlogram of the residuals {@code r} (NaN where unknown), up to {@code maxLag}. */
  static Correlogram of(double[] r, int maxLag) {
    int lags = Math.max(0, Math.min(maxLag, r.length - 1));
    double[] rho = new double[lags + 1];
    rho[0] = 1;
    for (int k = 1; k <= lags; k++) {
      double xy = 0;
      double xx = 0;
      double yy = 0;
      int pairs = 0;
      for (int t = 0; t + k < r.length; t++) {
        double x = r[t];
        double y = r[t + k];
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
          xy += x * y;
          xx += x * x;
          yy += y * y;
          pairs++;
        }
      }
      double c = pairs >= MIN_PAIRS && xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
      rho[k] = Math.max(0, Math.min(MAX_RHO, c));
    }
    return new Correlogram(rho);
  }

  /** The correlation at lag {@code k} intervals (0 beyond the estimated lags). */
  double at(int k) {
    return k < rho.length ? rho[k] : 0;
  }

  /**
   * The residual predicted {@code k} intervals after a left edge with residual {@code left} and
   * {@code m} intervals before a right edge with residual {@code right}; either edge may be absent
   * (NaN).
   */
  double predict(int k, double left, int m, double right) {
    boolean hasLeft = !Double.isNaN(left);
    boolean hasRight = !Double.isNaN(right);
    if (hasLeft && hasRight) {
      double rk = at(k);
      double rm = at(m);
      double rg = at(k + m);
      double den = 1 - rg * rg;
      return ((rk - rg * rm) * left + (rm - rg * rk) * right) / den;
    }
    if (hasLeft) {
      return at(k) * left;
    }
    return hasRight ? at(m) * right : 0;
  }

  /**
   * Simple kriging of the residual from several edge intervals: solves {@code C z = e} once per
   * gap, where {@code C[j][k] = rho(|pos[j] - pos[k]|)} and {@code e} the residuals at the edge
   * positions, so that the prediction at position {@code i} is {@code sum_j rho(|i - pos[j]|) z[j]}
   * ({@link #krige}). The diagonal gets a small ridge so that a correlogram estimated from noisy
   * data still gives a solvable system; null when it is singular all the same.
   */
  double[] solve(int[] pos, double[] res, int count) {
    double[][] a = new double[count][count + 1];
    for (int j = 0; j < count; j++) {
      for (int k = 0; k < count; k++) {
        a[j][k] = at(Math.abs(pos[j] - pos[k])) + (j == k ? RIDGE : 0);
      }
      a[j][count] = res[j];
    }
    for (int c = 0; c < count; c++) {
      int pivot = c;
      for (int j = c + 1; j < count; j++) {
        pivot = Math.abs(a[j][c]) > Math.abs(a[pivot][c]) ? j : pivot;
      }
      if (Math.abs(a[pivot][c]) < 1e-9) {
        return null;
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int j = c + 1; j < count; j++) {
        double f = a[j][c] / a[c][c];
        for (int k = c; k <= count; k++) {
          a[j][k] -= f * a[c][k];
        }
      }
    }
    double[] z = new double[count];
    for (int j = count - 1; j >= 0; j--) {
      double v = a[j][count];
      for (int k = j + 1; k < count; k++) {
        v -= a[j][k] * z[k];
      }
      z[j] = v / a[j][j];
    }
    return z;
  }

  /** The kriged residual at position {@code i} from the solution {@code z} of {@link #solve}. */
  double krige(int i, int[] pos, double[] z) {
    double v = 0;
    for (int j = 0; j < z.length; j++) {
      v += at(Math.abs(i - pos[j])) * z[j];
    }
    return v;
  }
}

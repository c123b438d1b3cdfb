package io.loadlens.insights.internal;

import java.util.Arrays;

/** Small numeric helpers over primitive arrays; {@code NaN} entries are skipped. */
public final class Stats {
  private Stats() {}

  /** Percentile (0..100, linear interpolation between order statistics) of the finite values. */
  public static double percentile(double[] values, double p) {
    double[] v = finite(values);
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return sortedPercentile(v, p);
  }

  public static double sortedPercentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  public static double[] finite(double[] values) {
    double[] out = new double[values.length];
    int n = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

  public static double mean(double[] values) {
    double s = 0;
    int n = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  public static double median(double[] values) {
    return percentile(values, 50);
  }

  /** Median absolute deviation, scaled by 1.4826 to estimate a normal standard deviation. */
  public static double mad(double[] values) {
    double m = median(values);
    double[] dev = finite(values);
    for (int i = 0; i < dev.length; i++) {
      dev[i] = Math.abs(dev[i] - m);
    }
    return 1.4826 * median(dev);
  }

  public static double std(double[] values) {
    double m = mean(values);
    double s = 0;
    int n = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        s += (x - m) * (x - m);
        n++;
      }
    }
    return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
  }

  /** Pearson correlation of two equally long arrays over positions where both are finite. */
  public static double correlation(double[] a, double[] b) {
    double sa = 0;
    double sb = 0;
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        sa += a[i];
        sb += b[i];
        n++;
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    double ma = sa / n;
    double mb = sb / n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
      }
    }
    return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
  }

  /** Rounds to {@code digits} decimals (for readable JSON); NaN stays NaN. */
  public static double round(double x, int digits) {
    if (!Double.isFinite(x)) {
      return x;
    }
    double f = Math.pow(10, digits);
    return Math.round(x * f) / f;
  }

  public static double clamp01(double x) {
    return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
  }
}

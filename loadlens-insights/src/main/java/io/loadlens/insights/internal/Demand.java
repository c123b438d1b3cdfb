package io.loadlens.insights.internal;

/**
 * Measured demand over the billing demand window: 15 minutes when the interval divides it (the
 * window of capacity tariffs and of EN 50470 maximum-demand registers), else the interval itself.
 * {@code kw[j]} starts at profile interval {@code first[j]}; windows with any estimated or missing
 * interval are {@code NaN}.
 */
public record Demand(int windowMinutes, int[] first, double[] kw) {

  /** The billing demand window in seconds. */
  public static final int BILLING_WINDOW_SECONDS = 900;

  public static Demand of(LoadProfile p) {
    int step = p.intervalSeconds;
    if (step >= BILLING_WINDOW_SECONDS || BILLING_WINDOW_SECONDS % step != 0) {
      int n = p.size();
      int[] first = new int[n];
      double[] kw = new double[n];
      for (int i = 0; i < n; i++) {
        first[i] = i;
        kw[i] = p.measured[i] ? p.kw[i] : Double.NaN;
      }
      return new Demand(step / 60, first, kw);
    }
    int per = BILLING_WINDOW_SECONDS / step;
    int n = p.size();
    int[] first = new int[n / per + 2];
    double[] kw = new double[n / per + 2];
    int j = 0;
    int i = 0;
    while (i < n && Math.floorMod(p.epoch[i], (long) BILLING_WINDOW_SECONDS) != 0) {
      i++;
    }
    for (; i + per <= n; i += per) {
      double s = 0;
      boolean ok = true;
      for (int k = 0; k < per; k++) {
        ok &= p.measured[i + k] && !Double.isNaN(p.kw[i + k]);
        s += p.kw[i + k];
      }
      first[j] = i;
      kw[j] = ok ? s / per : Double.NaN;
      j++;
    }
    return new Demand(15, java.util.Arrays.copyOf(first, j), java.util.Arrays.copyOf(kw, j));
  }

  /**
   * Per calendar month (index into {@code monthKeys}) the index {@code j} of the highest demand.
   */
  public int[] monthlyMaxIndex(LoadProfile p, int[] monthOfWindow, int months) {
    int[] best = new int[months];
    java.util.Arrays.fill(best, -1);
    for (int j = 0; j < kw.length; j++) {
      double v = kw[j];
      if (Double.isNaN(v)) {
        continue;
      }
      int m = monthOfWindow[j];
      if (best[m] < 0 || v > kw[best[m]]) {
        best[m] = j;
      }
    }
    return best;
  }

  /** Month key index for each window, and the keys ({@code yyyy-MM}) in order. */
  public MonthIndex months(LoadProfile p) {
    int[] ofWindow = new int[kw.length];
    java.util.List<String> keys = new java.util.ArrayList<>();
    int lastKey = -1;
    for (int j = 0; j < kw.length; j++) {
      int d = p.day[first[j]];
      int key = p.dayYear[d] * 12 + p.dayMonth[d] - 1;
      if (key != lastKey) {
        keys.add(String.format("%04d-%02d", p.dayYear[d], p.dayMonth[d]));
        lastKey = key;
      }
      ofWindow[j] = keys.size() - 1;
    }
    return new MonthIndex(ofWindow, keys);
  }

  public record MonthIndex(int[] ofWindow, java.util.List<String> keys) {}
}

package io.loadlens.insights.internal;

import io.loadlens.insights.Forecast;
import java.util.Arrays;

/**
 * Similar-day forecast: each interval of the next day is the mean of the same interval on the same
 * weekday over the last {@link #WEEKS} weeks (seasonal naive with weekday structure), falling back
 * to the previous day where a week has no value.
 */
public final class SimilarDayForecaster {
  static final int WEEKS = 4;
  static final String METHOD =
      "similar-day: mean of the same weekday's interval over the last 4 weeks";

  private SimilarDayForecaster() {}

  public static Forecast forecast(LoadProfile p, int backtestDays) {
    double[][] grid = grid(p);
    int days = p.dayCount;
    double[] next = forecastDay(grid, days, p.slotsPerDay);
    double absErr = 0;
    double pctErr = 0;
    int nAbs = 0;
    int nPct = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean = Stats.mean(p.kw);
    int tested = 0;
    for (int d = Math.max(WEEKS * 7, days - backtestDays); d < days; d++) {
      double[] f = forecastDay(grid, d, p.slotsPerDay);
      boolean any = false;
      for (int s = 0; s < p.slotsPerDay; s++) {
        double a = grid[d][s];
        if (Double.isNaN(a) || Double.isNaN(f[s])) {
          continue;
        }
        any = true;
        absErr += Math.abs(f[s] - a);
        nAbs++;
        min = Math.min(min, a);
        max = Math.max(max, a);
        if (a >= 0.1 * mean) {
          pctErr += Math.abs(f[s] - a) / a;
          nPct++;
        }
      }
      if (any) {
        tested++;
      }
    }
    double range = max - min;
    double[] rounded = new double[next.length];
    for (int s = 0; s < next.length; s++) {
      rounded[s] = Stats.round(next[s], 4);
    }
    return new Forecast(
        METHOD,
        p.date(days).toString(),
        rounded,
        tested,
        Stats.round(nPct == 0 ? Double.NaN : 100 * pctErr / nPct, 2),
        Stats.round(nAbs == 0 || range <= 0 ? Double.NaN : 100 * absErr / nAbs / range, 2));
  }

  /** Demand as {@code [day][slot]}. */
  static double[][] grid(LoadProfile p) {
    double[][] g = new double[p.dayCount + 1][p.slotsPerDay];
    for (double[] row : g) {
      Arrays.fill(row, Double.NaN);
    }
    for (int i = 0; i < p.size(); i++) {
      g[p.day[i]][p.slot[i]] = p.kw[i];
    }
    return g;
  }

  /** Forecast for day {@code d} from days before it only. */
  static double[] forecastDay(double[][] grid, int d, int slots) {
    double[] f = new double[slots];
    for (int s = 0; s < slots; s++) {
      double sum = 0;
      int n = 0;
      for (int w = 1; w <= WEEKS; w++) {
        int src = d - 7 * w;
        if (src >= 0 && !Double.isNaN(grid[src][s])) {
          sum += grid[src][s];
          n++;
        }
      }
      f[s] = n > 0 ? sum / n : (d >= 1 ? grid[d - 1][s] : Double.NaN);
    }
    return f;
  }
}

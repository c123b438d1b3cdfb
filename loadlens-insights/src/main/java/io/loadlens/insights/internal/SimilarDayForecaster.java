package io.loadlens.insights.internal;

import io.loadlens.insights.Forecast;
import java.util.Arrays;

/**
 * Similar-day forecast: each interval of the next day is the mean of two terms, the same interval
 * on the same weekday over the last {@link #WEEKS} weeks (weekday structure) and the same interval
 * over the last {@link #RECENT_DAYS} days (the current level, which follows the season and
 * occupancy faster), falling back to whichever exists, then to the previous day. On the real SGSC
 * households and the simulated fleet this lowers WAPE and daily-energy MAPE against the weekday
 * term alone (docs/INSIGHTS.md); a load that differs by weekday is no longer forecast exactly.
 */
public final class SimilarDayForecaster {
  static final int WEEKS = 4;

  /** Days of the recent-level term. */
  static final int RECENT_DAYS = 7;

  /** Weight of the same-weekday term; the rest is the mean of the last {@link #RECENT_DAYS}. */
  static final double WEEKLY_WEIGHT = 0.5;

  static final String METHOD =
      "similar-day: half the mean of the same weekday's interval over the last 4 weeks, half the"
          + " mean of that interval over the last 7 days";

  private SimilarDayForecaster() {}

  public static Forecast forecast(LoadProfile p, int backtestDays) {
    double[][] grid = grid(p);
    int days = p.dayCount;
    double[] next = forecastDay(grid, days, p.slotsPerDay);
    Backtest b = new Backtest(Stats.mean(p.kw));
    for (int d = Math.max(WEEKS * 7, days - backtestDays); d < days; d++) {
      b.day(grid[d], forecastDay(grid, d, p.slotsPerDay));
    }
    double[] rounded = new double[next.length];
    for (int s = 0; s < next.length; s++) {
      rounded[s] = Stats.round(next[s], 4);
    }
    return new Forecast(
        METHOD,
        p.date(days).toString(),
        rounded,
        b.tested,
        Stats.round(b.nPct == 0 ? Double.NaN : 100 * b.pctErr / b.nPct, 2),
        Stats.round(
            b.nAbs == 0 || b.range() <= 0 ? Double.NaN : 100 * b.absErr / b.nAbs / b.range(), 2),
        Stats.round(b.actualSum <= 0 ? Double.NaN : 100 * b.absErr / b.actualSum, 2),
        Stats.round(b.nDays == 0 ? Double.NaN : 100 * b.dayPctErr / b.nDays, 2));
  }

  /** Error sums of a backtest over whole days. */
  private static final class Backtest {
    private final double mean;
    double absErr;
    double actualSum;
    double pctErr;
    int nAbs;
    int nPct;
    double dayPctErr;
    int nDays;
    int tested;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    Backtest(double mean) {
      this.mean = mean;
    }

    void day(double[] actual, double[] forecast) {
      double dayActual = 0;
      double dayForecast = 0;
      int n = 0;
      for (int s = 0; s < actual.length; s++) {
        double a = actual[s];
        double f = forecast[s];
        if (Double.isNaN(a) || Double.isNaN(f)) {
          continue;
        }
        n++;
        absErr += Math.abs(f - a);
        actualSum += Math.abs(a);
        dayActual += a;
        dayForecast += f;
        nAbs++;
        min = Math.min(min, a);
        max = Math.max(max, a);
        if (a >= 0.1 * mean) {
          pctErr += Math.abs(f - a) / a;
          nPct++;
        }
      }
      if (n > 0) {
        tested++;
      }
      // A day's energy error counts when most of the day is there to compare.
      if (n >= 0.9 * actual.length && dayActual > 0) {
        dayPctErr += Math.abs(dayForecast - dayActual) / dayActual;
        nDays++;
      }
    }

    double range() {
      return max - min;
    }
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
      double weekly = mean(grid, d, s, 7, WEEKS);
      double recent = mean(grid, d, s, 1, RECENT_DAYS);
      if (Double.isNaN(weekly)) {
        f[s] = Double.isNaN(recent) ? (d >= 1 ? grid[d - 1][s] : Double.NaN) : recent;
      } else {
        f[s] =
            Double.isNaN(recent) ? weekly : WEEKLY_WEIGHT * weekly + (1 - WEEKLY_WEIGHT) * recent;
      }
    }
    return f;
  }

  /** Mean of slot {@code s} on days {@code d − step, d − 2·step, …} ({@code count} of them). */
  private static double mean(double[][] grid, int d, int s, int step, int count) {
    double sum = 0;
    int n = 0;
    for (int k = 1; k <= count; k++) {
      int src = d - step * k;
      if (src >= 0 && !Double.isNaN(grid[src][s])) {
        sum += grid[src][s];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}

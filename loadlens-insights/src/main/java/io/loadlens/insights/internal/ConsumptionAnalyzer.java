package io.loadlens.insights.internal;

import io.loadlens.insights.Consumption;
import io.loadlens.insights.Consumption.Heatmap;
import io.loadlens.insights.Consumption.PeriodTotal;
import io.loadlens.insights.Consumption.Trend;
import io.loadlens.insights.Consumption.TypicalDay;
import io.loadlens.insights.Consumption.WeatherSensitivity;
import io.loadlens.insights.Hemisphere;
import io.loadlens.insights.InsightConfig;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Totals per period, typical days, heat-map, trend and weather sensitivity. */
public final class ConsumptionAnalyzer {
  private ConsumptionAnalyzer() {}

  public static Consumption analyse(
      LoadProfile p, LoadProfile.DailyTotals daily, double[] dailyTempC, InsightConfig cfg) {
    double total = 0;
    for (double k : daily.kwh()) {
      total += k;
    }
    double[] dailyComplete = new double[p.dayCount];
    double sum = 0;
    int n = 0;
    for (int d = 0; d < p.dayCount; d++) {
      dailyComplete[d] = daily.complete()[d] ? daily.kwh()[d] : Double.NaN;
      if (daily.complete()[d]) {
        sum += daily.kwh()[d];
        n++;
      }
    }
    double avg = n == 0 ? Double.NaN : sum / n;
    Hemisphere hemi = cfg.hemisphere();
    List<PeriodTotal> weekly = periods(p, daily, d -> isoWeek(p.date(d)));
    List<PeriodTotal> monthly =
        periods(p, daily, d -> String.format("%04d-%02d", p.dayYear[d], p.dayMonth[d]));
    List<PeriodTotal> seasonal =
        periods(
            p,
            daily,
            d ->
                (p.dayMonth[d] == 12 ? p.dayYear[d] + 1 : p.dayYear[d])
                    + " "
                    + hemi.season(p.zone, p.dayMonth[d]));
    return new Consumption(
        Stats.round(total, 3),
        Stats.round(avg, 3),
        Stats.round(avg * 365, 1),
        p.firstDate.toString(),
        roundAll(dailyComplete, 3),
        weekly,
        monthly,
        seasonal,
        typicalDays(p, daily, hemi),
        cfg.includeHeatmap() ? heatmap(p) : null,
        trend(dailyComplete),
        dailyTempC == null ? null : weather(dailyComplete, dailyTempC, cfg));
  }

  private static String isoWeek(LocalDate date) {
    return String.format(
        "%04d-W%02d",
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static List<PeriodTotal> periods(
      LoadProfile p, LoadProfile.DailyTotals daily, IntFunction<String> key) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int d = 0; d < p.dayCount; d++) {
      double[] a = acc.computeIfAbsent(key.apply(d), k -> new double[3]);
      a[0] += daily.kwh()[d];
      a[1] += daily.count()[d];
      a[2] += 1;
    }
    List<PeriodTotal> out = new ArrayList<>(acc.size());
    acc.forEach(
        (k, a) ->
            out.add(
                new PeriodTotal(
                    k,
                    Stats.round(a[0], 3),
                    (int) a[2],
                    Stats.round(a[1] / (a[2] * p.slotsPerDay), 3))));
    return out;
  }

  static List<TypicalDay> typicalDays(
      LoadProfile p, LoadProfile.DailyTotals daily, Hemisphere hemi) {
    String[] seasons = {"winter", "spring", "summer", "autumn"};
    int groups = 2 + seasons.length;
    double[][] sum = new double[groups][p.slotsPerDay];
    int[][] cnt = new int[groups][p.slotsPerDay];
    int[] dayGroupSeason = new int[p.dayCount];
    for (int d = 0; d < p.dayCount; d++) {
      String s = hemi.season(p.zone, p.dayMonth[d]);
      for (int k = 0; k < seasons.length; k++) {
        if (seasons[k].equals(s)) {
          dayGroupSeason[d] = 2 + k;
        }
      }
    }
    for (int i = 0; i < p.size(); i++) {
      double v = p.kw[i];
      int d = p.day[i];
      if (Double.isNaN(v) || !daily.complete()[d]) {
        continue;
      }
      int g = p.weekend(d) ? 1 : 0;
      sum[g][p.slot[i]] += v;
      cnt[g][p.slot[i]]++;
      int gs = dayGroupSeason[d];
      sum[gs][p.slot[i]] += v;
      cnt[gs][p.slot[i]]++;
    }
    int[] dayCounts = new int[groups];
    for (int d = 0; d < p.dayCount; d++) {
      if (daily.complete()[d]) {
        dayCounts[p.weekend(d) ? 1 : 0]++;
        dayCounts[dayGroupSeason[d]]++;
      }
    }
    List<TypicalDay> out = new ArrayList<>();
    String[] labels = {"weekday", "weekend", "winter", "spring", "summer", "autumn"};
    for (int g = 0; g < groups; g++) {
      if (dayCounts[g] == 0) {
        continue;
      }
      double[] prof = new double[p.slotsPerDay];
      for (int s = 0; s < p.slotsPerDay; s++) {
        prof[s] = cnt[g][s] == 0 ? Double.NaN : Stats.round(sum[g][s] / cnt[g][s], 4);
      }
      out.add(new TypicalDay(labels[g], dayCounts[g], prof));
    }
    return out;
  }

  static Heatmap heatmap(LoadProfile p) {
    double[][] m = new double[p.dayCount][p.slotsPerDay];
    for (double[] row : m) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int i = 0; i < p.size(); i++) {
      m[p.day[i]][p.slot[i]] = Stats.round(p.kw[i], 4);
    }
    return new Heatmap(p.firstDate.toString(), p.intervalSeconds / 60, m);
  }

  static Trend trend(double[] dailyComplete) {
    SimpleRegression r = new SimpleRegression();
    for (int d = 0; d < dailyComplete.length; d++) {
      if (!Double.isNaN(dailyComplete[d])) {
        r.addData(d, dailyComplete[d]);
      }
    }
    double slope = r.getN() < 14 ? Double.NaN : r.getSlope() * 365;
    double mean = Stats.mean(dailyComplete);
    double yoy = Double.NaN;
    int len = dailyComplete.length;
    if (len >= 730) {
      double[] last = java.util.Arrays.copyOfRange(dailyComplete, len - 365, len);
      double[] prev = java.util.Arrays.copyOfRange(dailyComplete, len - 730, len - 365);
      if (Stats.finite(last).length >= 183 && Stats.finite(prev).length >= 183) {
        yoy = 100 * (Stats.mean(last) / Stats.mean(prev) - 1);
      }
    }
    return new Trend(
        Stats.round(slope, 3), Stats.round(100 * slope / mean, 2), Stats.round(yoy, 2));
  }

  static WeatherSensitivity weather(double[] dailyKwh, double[] tempC, InsightConfig cfg) {
    double hb = cfg.heatingBaseC();
    double cb = cfg.coolingBaseC();
    List<double[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    boolean anyHdd = false;
    boolean anyCdd = false;
    for (int d = 0; d < dailyKwh.length; d++) {
      if (Double.isNaN(dailyKwh[d]) || Double.isNaN(tempC[d])) {
        continue;
      }
      double hdd = tempC[d] <= hb - 3 ? hb - tempC[d] : 0;
      double cdd = tempC[d] >= cb + 3 ? tempC[d] - cb : 0;
      anyHdd |= hdd > 0;
      anyCdd |= cdd > 0;
      rows.add(new double[] {hdd, cdd});
      ys.add(dailyKwh[d]);
    }
    int k = (anyHdd ? 1 : 0) + (anyCdd ? 1 : 0);
    if (rows.size() < 14 + k || k == 0) {
      return new WeatherSensitivity(
          Stats.round(Stats.mean(dailyKwh), 3), 0, 0, 0, rows.size(), hb, cb);
    }
    double[][] x = new double[rows.size()][k];
    double[] y = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      int c = 0;
      if (anyHdd) {
        x[r][c++] = rows.get(r)[0];
      }
      if (anyCdd) {
        x[r][c] = rows.get(r)[1];
      }
      y[r] = ys.get(r);
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double a = anyHdd ? beta[1] : 0;
    double b = anyCdd ? beta[anyHdd ? 2 : 1] : 0;
    return new WeatherSensitivity(
        Stats.round(beta[0], 3),
        Stats.round(a, 4),
        Stats.round(b, 4),
        Stats.round(ols.calculateRSquared(), 4),
        rows.size(),
        hb,
        cb);
  }

  static double[] roundAll(double[] v, int digits) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Stats.round(v[i], digits);
    }
    return out;
  }
}

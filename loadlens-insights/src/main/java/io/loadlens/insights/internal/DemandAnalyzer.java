package io.loadlens.insights.internal;

import io.loadlens.insights.BaseLoad;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.LoadShape;
import io.loadlens.insights.Peaks;
import io.loadlens.insights.Peaks.MonthlyPeak;
import io.loadlens.insights.Peaks.Peak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Peaks, load shape metrics and base load. */
public final class DemandAnalyzer {
  private DemandAnalyzer() {}

  public static Peaks peaks(LoadProfile p, Demand demand, LoadProfile.DailyTotals daily, int topN) {
    int maxJ = -1;
    double[] dayMax = new double[p.dayCount];
    int[] dayMaxJ = new int[p.dayCount];
    Arrays.fill(dayMax, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < demand.kw().length; j++) {
      double v = demand.kw()[j];
      if (Double.isNaN(v)) {
        continue;
      }
      if (maxJ < 0 || v > demand.kw()[maxJ]) {
        maxJ = j;
      }
      int d = p.day[demand.first()[j]];
      if (v > dayMax[d]) {
        dayMax[d] = v;
        dayMaxJ[d] = j;
      }
    }
    int[] histogram = new int[24];
    List<Integer> days = new ArrayList<>();
    for (int d = 0; d < p.dayCount; d++) {
      if (dayMax[d] > Double.NEGATIVE_INFINITY) {
        days.add(d);
        if (daily.complete()[d]) {
          histogram[p.hour(demand.first()[dayMaxJ[d]])]++;
        }
      }
    }
    days.sort((a, b) -> Double.compare(dayMax[b], dayMax[a]));
    List<Peak> top = new ArrayList<>();
    for (int k = 0; k < Math.min(topN, days.size()); k++) {
      int j = dayMaxJ[days.get(k)];
      top.add(new Peak(p.iso(demand.first()[j]), Stats.round(demand.kw()[j], 3)));
    }
    Demand.MonthIndex months = demand.months(p);
    int[] best = demand.monthlyMaxIndex(p, months.ofWindow(), months.keys().size());
    List<MonthlyPeak> monthly = new ArrayList<>();
    for (int m = 0; m < best.length; m++) {
      if (best[m] >= 0) {
        monthly.add(
            new MonthlyPeak(
                months.keys().get(m),
                Stats.round(demand.kw()[best[m]], 3),
                p.iso(demand.first()[best[m]])));
      }
    }
    return new Peaks(
        maxJ < 0 ? Double.NaN : Stats.round(demand.kw()[maxJ], 3),
        maxJ < 0 ? null : p.iso(demand.first()[maxJ]),
        demand.windowMinutes(),
        top,
        histogram,
        monthly);
  }

  public static LoadShape shape(LoadProfile p, LoadProfile.DailyTotals daily) {
    double sum = 0;
    int n = 0;
    double max = Double.NEGATIVE_INFINITY;
    double up = 0;
    double down = 0;
    double[] ramps = new double[p.size()];
    int r = 0;
    for (int i = 0; i < p.size(); i++) {
      double v = p.kw[i];
      if (Double.isNaN(v)) {
        continue;
      }
      sum += v;
      n++;
      if (p.measured[i] && v > max) {
        max = v;
      }
      if (i > 0 && !Double.isNaN(p.kw[i - 1]) && p.epoch[i] - p.epoch[i - 1] == p.intervalSeconds) {
        double ramp = (v - p.kw[i - 1]) / p.hours;
        up = Math.max(up, ramp);
        down = Math.max(down, -ramp);
        ramps[r++] = Math.abs(ramp);
      }
    }
    double avg = n == 0 ? Double.NaN : sum / n;
    double[] dayMean = new double[p.dayCount];
    double[] dayMax = new double[p.dayCount];
    Arrays.fill(dayMax, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < p.size(); i++) {
      if (!Double.isNaN(p.kw[i])) {
        dayMax[p.day[i]] = Math.max(dayMax[p.day[i]], p.kw[i]);
      }
    }
    double lfSum = 0;
    int lfN = 0;
    double[] complete = new double[p.dayCount];
    for (int d = 0; d < p.dayCount; d++) {
      complete[d] = Double.NaN;
      if (daily.complete()[d]) {
        complete[d] = daily.kwh()[d];
        dayMean[d] = daily.kwh()[d] / (daily.count()[d] * p.hours);
        if (dayMax[d] > 0) {
          lfSum += dayMean[d] / dayMax[d];
          lfN++;
        }
      }
    }
    double cv = Stats.std(complete) / Stats.mean(complete);
    return new LoadShape(
        Stats.round(avg, 4),
        Stats.round(max > 0 ? avg / max : Double.NaN, 4),
        Stats.round(avg > 0 ? max / avg : Double.NaN, 3),
        Stats.round(up, 3),
        Stats.round(down, 3),
        Stats.round(Stats.percentile(Arrays.copyOf(ramps, r), 95), 3),
        Stats.round(cv, 4),
        Stats.round(lfN == 0 ? Double.NaN : lfSum / lfN, 4));
  }

  /** Night-time demand values (kW) in the configured window. */
  public static double[] nightValues(LoadProfile p, int startHour, int endHour) {
    double[] v = new double[p.size()];
    int n = 0;
    for (int i = 0; i < p.size(); i++) {
      if (Double.isNaN(p.kw[i])) {
        continue;
      }
      int h = p.hour(i);
      boolean night =
          endHour > startHour ? h >= startHour && h < endHour : h >= startHour || h < endHour;
      if (night) {
        v[n++] = p.kw[i];
      }
    }
    return Arrays.copyOf(v, n);
  }

  public static BaseLoad baseLoad(
      LoadProfile p, InsightConfig cfg, double meanDailyKwh, double eurPerKwh) {
    double[] night = nightValues(p, cfg.nightStartHour(), cfg.nightEndHour());
    double kw = Stats.percentile(night, cfg.baseLoadPercentile());
    double yearly = kw * 8760;
    return new BaseLoad(
        Stats.round(kw * 1000, 1),
        cfg.baseLoadPercentile(),
        cfg.nightStartHour(),
        cfg.nightEndHour(),
        night.length,
        Stats.round(yearly, 1),
        Stats.round(yearly * eurPerKwh, 2),
        Stats.round(meanDailyKwh > 0 ? kw * 24 / meanDailyKwh : Double.NaN, 4));
  }
}

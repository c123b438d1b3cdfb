package io.loadlens.insights.internal;

import io.loadlens.insights.Anomaly;
import io.loadlens.insights.AnomalyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Level changes, unusual days, zero runs, tamper patterns and reverse flow. */
public final class AnomalyDetector {
  /** Daily windows compared on each side of a candidate change point. */
  static final int WINDOW_DAYS = 28;

  /** Demand at or below this counts as zero (meter resolution of 1 Wh per 15 min ≈ 4 W). */
  static final double ZERO_KW = 0.005;

  static final int MAX_UNUSUAL_DAYS = 10;

  /** A level change halves or doubles the median daily energy (seasons rarely do in 4 weeks). */
  static final double LEVEL_CHANGE_LOG = Math.log(2);

  private AnomalyDetector() {}

  public static List<Anomaly> detect(
      LoadProfile p, LoadProfile.DailyTotals daily, double[] exportKw, boolean pvDetected) {
    List<Anomaly> out = new ArrayList<>();
    double[] d = new double[p.dayCount];
    for (int k = 0; k < d.length; k++) {
      d[k] = daily.complete()[k] ? daily.kwh()[k] : Double.NaN;
    }
    out.addAll(levelChanges(p, d));
    out.addAll(unusualDays(p, d));
    out.addAll(zeroRuns(p));
    if (exportKw != null) {
      out.addAll(reverseFlow(p, exportKw, pvDetected));
    }
    out.addAll(ClockFaultDetector.detect(p, daily));
    return out;
  }

  static List<Anomaly> levelChanges(LoadProfile p, double[] daily) {
    int n = daily.length;
    double[] logRatio = new double[n];
    double[] meanShift = new double[n];
    for (int t = WINDOW_DAYS; t + WINDOW_DAYS <= n; t++) {
      double[] before = java.util.Arrays.copyOfRange(daily, t - WINDOW_DAYS, t);
      double[] after = java.util.Arrays.copyOfRange(daily, t, t + WINDOW_DAYS);
      if (Stats.finite(before).length < 14 || Stats.finite(after).length < 14) {
        continue;
      }
      double mb = Stats.median(before);
      double ma = Stats.median(after);
      logRatio[t] = Math.log((ma + 0.1) / (mb + 0.1));
      meanShift[t] = Math.abs(Stats.mean(after) - Stats.mean(before));
    }
    List<Anomaly> out = new ArrayList<>();
    int t = 0;
    while (t < n) {
      if (Math.abs(logRatio[t]) < LEVEL_CHANGE_LOG) {
        t++;
        continue;
      }
      // Medians detect robustly; the difference of means peaks exactly at a step.
      int best = t;
      for (int k = t; k < Math.min(n, t + WINDOW_DAYS); k++) {
        if (Math.abs(logRatio[k]) >= LEVEL_CHANGE_LOG && meanShift[k] > meanShift[best]) {
          best = k;
        }
      }
      double ratio = Math.exp(logRatio[best]);
      double score = Stats.clamp01(Math.abs(logRatio[best]) / Math.log(4));
      out.add(
          new Anomaly(
              AnomalyKind.LEVEL_CHANGE,
              Stats.round(score, 3),
              p.date(best).toString(),
              p.date(Math.min(n, best + WINDOW_DAYS)).toString(),
              String.format(
                  Locale.ROOT,
                  "daily energy median changed ×%.2f (%d-day windows either side)",
                  ratio,
                  WINDOW_DAYS)));
      Anomaly tamper = tamperCheck(p, best, ratio, score);
      if (tamper != null) {
        out.add(tamper);
      }
      t = best + WINDOW_DAYS;
    }
    return out;
  }

  /**
   * A drop to below 60 % whose hourly shape keeps a correlation of at least 0.8 with the shape
   * before: the household behaves the same but the meter sees less (bypass), unlike a vacancy,
   * which flattens the shape.
   */
  static Anomaly tamperCheck(LoadProfile p, int change, double ratio, double score) {
    if (ratio >= 0.6) {
      return null;
    }
    double[] before = hourlyShape(p, change - WINDOW_DAYS, change - 1);
    double[] after = hourlyShape(p, change + 1, change + WINDOW_DAYS);
    double corr = Stats.correlation(before, after);
    if (!(corr >= 0.8)) {
      return null;
    }
    return new Anomaly(
        AnomalyKind.TAMPER_SUSPECTED,
        Stats.round(Stats.clamp01(score * corr), 3),
        p.date(change).toString(),
        p.date(Math.min(p.dayCount, change + WINDOW_DAYS)).toString(),
        String.format(
            Locale.ROOT,
            "energy fell to %.0f %% while the daily shape stayed the same (correlation %.2f)",
            100 * ratio,
            corr));
  }

  static double[] hourlyShape(LoadProfile p, int fromDay, int toDay) {
    return p.hourlyShape(fromDay, toDay);
  }

  /** Days whose energy is more than 4 robust standard deviations from the 29-day median. */
  static List<Anomaly> unusualDays(LoadProfile p, double[] daily) {
    List<Anomaly> found = new ArrayList<>();
    for (int t = 0; t < daily.length; t++) {
      if (Double.isNaN(daily[t])) {
        continue;
      }
      int lo = Math.max(0, t - 14);
      int hi = Math.min(daily.length, t + 15);
      double[] w = java.util.Arrays.copyOfRange(daily, lo, hi);
      if (Stats.finite(w).length < 15) {
        continue;
      }
      double med = Stats.median(w);
      double mad = Math.max(Stats.mad(w), 0.05 * med + 0.1);
      double z = (daily[t] - med) / mad;
      if (Math.abs(z) > 4) {
        found.add(
            new Anomaly(
                AnomalyKind.UNUSUAL_DAY,
                Stats.round(Stats.clamp01(Math.abs(z) / 8), 3),
                p.date(t).toString(),
                p.date(t + 1).toString(),
                String.format(
                    Locale.ROOT,
                    "%.1f kWh against a typical %.1f kWh (robust z %.1f)",
                    daily[t],
                    med,
                    z)));
      }
    }
    found.sort(Comparator.comparingDouble(Anomaly::score).reversed());
    return found.subList(0, Math.min(MAX_UNUSUAL_DAYS, found.size()));
  }

  /** Runs of at least 24 hours at zero demand. */
  static List<Anomaly> zeroRuns(LoadProfile p) {
    List<Anomaly> out = new ArrayList<>();
    int min = (int) Math.round(24 / p.hours);
    int i = 0;
    while (i < p.size()) {
      if (!(p.kw[i] <= ZERO_KW)) {
        i++;
        continue;
      }
      int j = i;
      while (j < p.size() && p.kw[j] <= ZERO_KW) {
        j++;
      }
      if (j - i >= min) {
        double hours = (j - i) * p.hours;
        out.add(
            new Anomaly(
                AnomalyKind.ZERO_RUN,
                Stats.round(Stats.clamp01(hours / 168), 3),
                p.iso(i),
                j < p.size() ? p.iso(j) : p.iso(j - 1),
                String.format(
                    Locale.ROOT, "%.0f h without consumption (vacancy or disconnection)", hours)));
      }
      i = j;
    }
    return out;
  }

  static List<Anomaly> reverseFlow(LoadProfile p, double[] exportKw, boolean pvDetected) {
    double total = 0;
    double night = 0;
    int first = -1;
    int last = -1;
    for (int i = 0; i < exportKw.length; i++) {
      double e = exportKw[i];
      if (!(e > 0)) {
        continue;
      }
      total += e * p.hours;
      int h = p.hour(i);
      if (h >= 22 || h < 4) {
        night += e * p.hours;
        first = first < 0 ? i : first;
        last = i;
      }
    }
    List<Anomaly> out = new ArrayList<>();
    if (!pvDetected && total > 0.5) {
      out.add(
          new Anomaly(
              AnomalyKind.REVERSE_FLOW,
              Stats.round(Stats.clamp01(total / 10), 3),
              p.iso(0),
              p.iso(p.size() - 1),
              String.format(Locale.ROOT, "%.1f kWh exported with no generation detected", total)));
    }
    if (night > 0.2) {
      out.add(
          new Anomaly(
              AnomalyKind.REVERSE_FLOW,
              Stats.round(Stats.clamp01(night / 5), 3),
              p.iso(first),
              p.iso(last),
              String.format(Locale.ROOT, "%.1f kWh exported between 22:00 and 04:00", night)));
    }
    return out;
  }
}

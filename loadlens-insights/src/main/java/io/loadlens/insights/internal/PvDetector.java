package io.loadlens.insights.internal;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.BaseLoad;
import java.util.List;
import java.util.Locale;

/**
 * Rooftop PV. With an export channel: export in daylight is direct evidence; peak power is
 * estimated from the 99.5th percentile of export divided by a performance ratio of 0.8 (IEC 61724-1
 * performance ratio; typical residential systems reach 0.75–0.85). Without export: net import
 * between 10:00 and 15:00 that falls well below the night-time always-on level on many days can
 * only be explained by generation behind the meter.
 */
public final class PvDetector {
  static final double PERFORMANCE_RATIO = 0.8;

  private PvDetector() {}

  public static ApplianceDetection detect(LoadProfile p, BaseLoad base, double[] exportKw) {
    if (exportKw != null) {
      ApplianceDetection fromExport = fromExport(p, exportKw);
      if (fromExport.detected()) {
        return fromExport;
      }
    }
    return fromMiddayDips(p, base);
  }

  static ApplianceDetection fromExport(LoadProfile p, double[] exportKw) {
    double[] dayExport = new double[p.dayCount];
    double[] daylight = new double[exportKw.length];
    int nd = 0;
    double night = 0;
    double total = 0;
    for (int i = 0; i < exportKw.length; i++) {
      double e = exportKw[i];
      if (Double.isNaN(e) || e <= 0) {
        continue;
      }
      total += e * p.hours;
      dayExport[p.day[i]] += e * p.hours;
      int h = p.hour(i);
      if (h >= 7 && h < 19) {
        daylight[nd++] = e;
      } else {
        night += e * p.hours;
      }
    }
    int daysWith = 0;
    for (double d : dayExport) {
      if (d > 0.1) {
        daysWith++;
      }
    }
    double share = p.dayCount == 0 ? 0 : (double) daysWith / p.dayCount;
    double daylightShare = total > 0 ? 1 - night / total : 0;
    double conf = Math.min(1, share / 0.3) * daylightShare * 0.98;
    double kwp =
        nd == 0
            ? Double.NaN
            : Stats.percentile(java.util.Arrays.copyOf(daylight, nd), 99.5) / PERFORMANCE_RATIO;
    double days = Math.max(1, p.validCount * p.hours / 24);
    return ApplianceDetection.of(
        ApplianceKind.ROOFTOP_PV,
        conf,
        String.format(
            Locale.ROOT,
            "export on %d of %d days, %.0f %% of it in daylight, %.0f kWh exported",
            daysWith,
            p.dayCount,
            100 * daylightShare,
            total),
        daysWith,
        Double.NaN,
        Stats.round(total / days, 3),
        Stats.round(kwp, 2),
        List.of());
  }

  static ApplianceDetection fromMiddayDips(LoadProfile p, BaseLoad base) {
    double baseKw = base.baseLoadW() / 1000;
    double[] middayMin = new double[p.dayCount];
    double[] shoulder = new double[p.dayCount];
    int[] shoulderN = new int[p.dayCount];
    java.util.Arrays.fill(middayMin, Double.NaN);
    for (int i = 0; i < p.size(); i++) {
      double v = p.kw[i];
      if (Double.isNaN(v)) {
        continue;
      }
      int h = p.hour(i);
      int d = p.day[i];
      if (h >= 10 && h < 15) {
        middayMin[d] = Double.isNaN(middayMin[d]) ? v : Math.min(middayMin[d], v);
      } else if (h == 7 || h == 18) {
        shoulder[d] += v;
        shoulderN[d]++;
      }
    }
    int dips = 0;
    int days = 0;
    double depth = 0;
    for (int d = 0; d < p.dayCount; d++) {
      if (Double.isNaN(middayMin[d]) || shoulderN[d] == 0) {
        continue;
      }
      days++;
      if (baseKw > 0.03 && middayMin[d] < 0.35 * baseKw) {
        dips++;
        depth = Math.max(depth, shoulder[d] / shoulderN[d] - middayMin[d]);
      }
    }
    double share = days == 0 ? 0 : (double) dips / days;
    double conf = Math.min(1, Math.max(0, (share - 0.05) / 0.3));
    return ApplianceDetection.of(
        ApplianceKind.ROOFTOP_PV,
        conf,
        String.format(
            Locale.ROOT,
            "midday import below 35 %% of the always-on level on %d of %d days",
            dips,
            days),
        dips,
        Double.NaN,
        Double.NaN,
        conf >= ApplianceDetection.THRESHOLD
            ? Stats.round(depth / PERFORMANCE_RATIO, 2)
            : Double.NaN,
        List.of());
  }
}

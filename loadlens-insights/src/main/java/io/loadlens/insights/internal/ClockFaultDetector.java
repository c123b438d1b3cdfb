package io.loadlens.insights.internal;

import io.loadlens.insights.Anomaly;
import io.loadlens.insights.AnomalyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A meter clock that is off by hours shows as the daily pattern shifted in time. For every 14-day
 * block, the block's hourly shape is compared with the whole series' shape at lags of −3..+3 h; a
 * block whose best lag is not zero, with a correlation at least 0.25 higher than at lag zero and of
 * at least 0.9, is reported (seasonal drift of routines stays below these). Consecutive blocks with
 * the same lag are merged.
 */
public final class ClockFaultDetector {
  static final int BLOCK_DAYS = 14;
  static final int MAX_LAG_H = 3;

  private ClockFaultDetector() {}

  public static List<Anomaly> detect(LoadProfile p, LoadProfile.DailyTotals daily) {
    List<Anomaly> out = new ArrayList<>();
    if (p.dayCount < 3 * BLOCK_DAYS) {
      return out;
    }
    double[] overall = AnomalyDetector.hourlyShape(p, 0, p.dayCount);
    int runStart = -1;
    int runLag = 0;
    double runScore = 0;
    for (int b = 0; b * BLOCK_DAYS < p.dayCount; b++) {
      int from = b * BLOCK_DAYS;
      int to = Math.min(p.dayCount, from + BLOCK_DAYS);
      double[] shape = AnomalyDetector.hourlyShape(p, from, to);
      double atZero = lagCorrelation(overall, shape, 0);
      int bestLag = 0;
      double best = atZero;
      for (int lag = -MAX_LAG_H; lag <= MAX_LAG_H; lag++) {
        double c = lagCorrelation(overall, shape, lag);
        if (c > best) {
          best = c;
          bestLag = lag;
        }
      }
      boolean shifted = bestLag != 0 && best >= 0.9 && best - atZero >= 0.25;
      int lag = shifted ? bestLag : 0;
      if (lag != runLag && runStart >= 0) {
        out.add(anomaly(p, runStart, from, runLag, runScore));
        runStart = -1;
      }
      if (shifted && runStart < 0) {
        runStart = from;
        runScore = 0;
      }
      if (shifted) {
        runScore = Math.max(runScore, Stats.clamp01((best - atZero) * 2));
      }
      runLag = lag;
    }
    if (runStart >= 0) {
      out.add(anomaly(p, runStart, p.dayCount, runLag, runScore));
    }
    return out;
  }

  private static Anomaly anomaly(LoadProfile p, int from, int to, int lag, double score) {
    return new Anomaly(
        AnomalyKind.CLOCK_FAULT,
        Stats.round(score, 3),
        p.date(from).toString(),
        p.date(to).toString(),
        String.format(
            Locale.ROOT,
            "daily pattern shifted %+d h against the rest of the series (meter clock or DST)",
            lag));
  }

  /** Correlation of {@code a[h]} with {@code b[h + lag]} (circular). */
  static double lagCorrelation(double[] a, double[] b, int lag) {
    double[] shifted = new double[24];
    for (int h = 0; h < 24; h++) {
      shifted[h] = b[Math.floorMod(h + lag, 24)];
    }
    return Stats.correlation(a, shifted);
  }
}

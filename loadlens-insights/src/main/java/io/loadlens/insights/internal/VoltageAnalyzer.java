package io.loadlens.insights.internal;

import io.loadlens.insights.VoltageQuality;
import io.loadlens.model.IntervalSeries;

/** EN 50160:2010 clause 4.2.2 supply voltage variation check, indicative. */
public final class VoltageAnalyzer {
  /** Nominal LV voltage Un, IEC 60038. */
  public static final double NOMINAL_V = 230;

  /** ±10 % band for 95 % of values per week (EN 50160 4.2.2.2). */
  static final double BAND = 0.10;

  /** All values within +10 % / −15 % (EN 50160 4.2.2.2). */
  static final double HARD_LOW = 0.85;

  static final double WEEK_SHARE = 0.95;

  private VoltageAnalyzer() {}

  public static VoltageQuality analyse(IntervalSeries v) {
    long[] t = v.epochSeconds();
    double[] x = v.values();
    double lowBand = NOMINAL_V * (1 - BAND);
    double highBand = NOMINAL_V * (1 + BAND);
    double hardLow = NOMINAL_V * HARD_LOW;
    int weeks = 0;
    int compliantWeeks = 0;
    double worst = 1;
    long week = Long.MIN_VALUE;
    int in = 0;
    int all = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int sags = 0;
    int swells = 0;
    int hard = 0;
    boolean inSag = false;
    boolean inSwell = false;
    for (int i = 0; i <= x.length; i++) {
      long w = i < x.length ? Math.floorDiv(t[i] + 3 * 86_400L, 7 * 86_400L) : Long.MAX_VALUE;
      if (w != week) {
        if (all > 0) {
          weeks++;
          double share = (double) in / all;
          worst = Math.min(worst, share);
          if (share >= WEEK_SHARE) {
            compliantWeeks++;
          }
        }
        week = w;
        in = 0;
        all = 0;
      }
      if (i == x.length || Double.isNaN(x[i])) {
        continue;
      }
      double u = x[i];
      all++;
      if (u >= lowBand && u <= highBand) {
        in++;
      }
      if (u < hardLow || u > highBand) {
        hard++;
      }
      min = Math.min(min, u);
      max = Math.max(max, u);
      boolean sag = u < lowBand;
      boolean swell = u > highBand;
      if (sag && !inSag) {
        sags++;
      }
      if (swell && !inSwell) {
        swells++;
      }
      inSag = sag;
      inSwell = swell;
    }
    return new VoltageQuality(
        v.obis().toString(),
        NOMINAL_V,
        weeks,
        compliantWeeks,
        Stats.round(weeks == 0 ? Double.NaN : worst, 4),
        Stats.round(min, 1),
        Stats.round(max, 1),
        sags,
        swells,
        hard,
        weeks > 0 && compliantWeeks == weeks && hard == 0,
        "indicative: meter interval averages, not EN 50160 class A 10-minute values; weeks run"
            + " Monday to Monday UTC");
  }
}

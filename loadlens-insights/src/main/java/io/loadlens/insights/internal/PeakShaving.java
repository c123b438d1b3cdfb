package io.loadlens.insights.internal;

import io.loadlens.insights.Battery;

/** Battery sizing for a peak cap and the peak a given battery holds (greedy dispatch). */
public final class PeakShaving {
  private static final int SEARCH_STEPS = 12;

  private PeakShaving() {}

  /** {kWh, kW} a battery needs so that demand never exceeds {@code capKw}. */
  public static double[] required(double[] kw, double hours, double capKw, double efficiency) {
    double deficit = 0;
    double need = 0;
    double power = 0;
    for (double v : kw) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v > capKw) {
        deficit += (v - capKw) * hours;
        need = Math.max(need, deficit);
        power = Math.max(power, v - capKw);
      } else {
        deficit = Math.max(0, deficit - (capKw - v) * hours * efficiency);
      }
    }
    return new double[] {need, power};
  }

  /** Whether the battery, starting full, holds demand at or below {@code capKw} throughout. */
  public static boolean holds(double[] kw, double hours, double capKw, Battery b) {
    double soc = b.capacityKwh();
    for (double v : kw) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v > capKw) {
        double p = v - capKw;
        if (p > b.powerKw() + 1e-9) {
          return false;
        }
        soc -= p * hours;
        if (soc < -1e-9) {
          return false;
        }
      } else {
        double charge = Math.min(b.powerKw(), capKw - v) * hours * b.roundTripEfficiency();
        soc = Math.min(b.capacityKwh(), soc + charge);
      }
    }
    return true;
  }

  /** The lowest cap the battery holds (bisection over the battery's power to 1/4096 of it). */
  public static double lowestCap(double[] kw, double hours, double peakKw, Battery b) {
    double lo = Math.max(0, peakKw - b.powerKw());
    double hi = peakKw;
    if (holds(kw, hours, lo, b)) {
      return lo;
    }
    for (int k = 0; k < SEARCH_STEPS; k++) {
      double mid = (lo + hi) / 2;
      if (holds(kw, hours, mid, b)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }
}

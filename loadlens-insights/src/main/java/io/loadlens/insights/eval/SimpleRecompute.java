package io.loadlens.insights.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A second, deliberately simple computation of peak, base load and load factor straight from the
 * raw CSV rows (no calendar arrays, no demand windows, no quality flags), to check the engine
 * against. Demand of a 30-minute row is {@code 2 × kWh}.
 */
final class SimpleRecompute {
  private SimpleRecompute() {}

  record Figures(double peakKw, String peakLocal, double baseLoadW, double loadFactor) {}

  static Figures of(
      List<SgscData.Row> rows, double percentile, int nightFromHour, int nightToHour) {
    double peak = -1;
    String peakAt = null;
    double sum = 0;
    int n = 0;
    List<Double> night = new ArrayList<>();
    for (SgscData.Row r : rows) {
      if (Double.isNaN(r.generalKwh()) || !SgscData.exists(r.local())) {
        continue;
      }
      double kw = 2 * r.generalKwh();
      if (kw > peak) {
        peak = kw;
        peakAt = r.local().toString();
      }
      sum += kw;
      n++;
      int h = r.local().getHour();
      if (h >= nightFromHour && h < nightToHour) {
        night.add(kw);
      }
    }
    Collections.sort(night);
    double rank = percentile / 100 * (night.size() - 1);
    int below = (int) rank;
    double base =
        below + 1 < night.size()
            ? night.get(below) + (rank - below) * (night.get(below + 1) - night.get(below))
            : night.get(below);
    return new Figures(peak, peakAt, base * 1000, (sum / n) / peak);
  }
}

package io.loadlens.insights;

import io.loadlens.insights.internal.AnomalyDetector;
import io.loadlens.insights.internal.ApplianceDetectors;
import io.loadlens.insights.internal.ConsumptionAnalyzer;
import io.loadlens.insights.internal.Demand;
import io.loadlens.insights.internal.DemandAnalyzer;
import io.loadlens.insights.internal.LoadProfile;
import io.loadlens.insights.internal.PeakShaving;
import io.loadlens.insights.internal.SimilarDayForecaster;
import io.loadlens.insights.internal.Stats;
import io.loadlens.insights.internal.TariffAnalyzer;
import io.loadlens.insights.internal.VoltageAnalyzer;
import io.loadlens.model.IntervalSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link ConsumerInsights} for one consumer. Stateless and thread-safe: call it from as
 * many threads as there are cores, one consumer per call. All work is loops over {@code double[]};
 * a meter-year of 15-minute data is about 35,000 values.
 */
public final class InsightEngine {
  private InsightEngine() {}

  public static ConsumerInsights analyse(ConsumerInput in, InsightConfig cfg) {
    LoadProfile p = new LoadProfile(in.importWh(), in.zone());
    if (p.validCount == 0) {
      throw new IllegalArgumentException(
          "importWh of " + p.meterId + ": no usable interval values (all missing or suspect)");
    }
    LoadProfile.DailyTotals daily = p.daily();
    Demand demand = Demand.of(p);
    double[] exportKw = in.exportWh() == null ? null : aligned(p, in.exportWh(), true);
    double[] dailyTemp =
        in.temperatureC() == null ? null : dailyMean(p, in.temperatureC(), in.zone());
    Consumption consumption = ConsumptionAnalyzer.analyse(p, daily, dailyTemp, cfg);
    Peaks peaks = DemandAnalyzer.peaks(p, demand, daily, cfg.topPeaks());
    LoadShape shape = DemandAnalyzer.shape(p, daily);
    TariffComparison tariffs = TariffAnalyzer.compare(p, demand, cfg.tariffs());
    double price = tariffs.costs().get(0).meanEurPerKwh();
    BaseLoad base = DemandAnalyzer.baseLoad(p, cfg, consumption.averageKwhPerDay(), price);
    List<ApplianceDetection> appliances =
        ApplianceDetectors.detectAll(
            p, daily, base, consumption.weather(), exportKw, cfg.hemisphere());
    Flexibility flex = flexibility(p, appliances, consumption.averageKwhPerDay(), cfg);
    boolean pv =
        appliances.stream().anyMatch(a -> a.kind() == ApplianceKind.ROOFTOP_PV && a.detected());
    List<Anomaly> anomalies = AnomalyDetector.detect(p, daily, exportKw, pv);
    List<VoltageQuality> voltage = new ArrayList<>();
    for (IntervalSeries v : in.voltages()) {
      voltage.add(VoltageAnalyzer.analyse(v));
    }
    Forecast forecast = SimilarDayForecaster.forecast(p, cfg.forecastBacktestDays());
    int n = p.size();
    ConsumerInsights partial =
        new ConsumerInsights(
            p.meterId,
            in.zone().getId(),
            p.intervalSeconds / 60,
            p.firstDate.toString(),
            p.date(p.dayCount - 1).toString(),
            p.dayCount,
            Stats.round((double) p.validCount / n, 4),
            Stats.round((double) p.estimatedCount / p.validCount, 4),
            consumption,
            peaks,
            base,
            shape,
            tariffs,
            appliances,
            flex,
            anomalies,
            voltage,
            forecast,
            List.of());
    return withHeadline(partial);
  }

  private static ConsumerInsights withHeadline(ConsumerInsights c) {
    return new ConsumerInsights(
        c.meterId(),
        c.zone(),
        c.intervalMinutes(),
        c.firstDay(),
        c.lastDay(),
        c.days(),
        c.presentShare(),
        c.estimatedShare(),
        c.consumption(),
        c.peaks(),
        c.baseLoad(),
        c.loadShape(),
        c.tariffs(),
        c.appliances(),
        c.flexibility(),
        c.anomalies(),
        c.voltage(),
        c.forecast(),
        Headlines.of(c));
  }

  static Flexibility flexibility(
      LoadProfile p, List<ApplianceDetection> appliances, double meanDailyKwh, InsightConfig cfg) {
    double movable = 0;
    for (ApplianceDetection a : appliances) {
      boolean movableKind =
          a.kind() == ApplianceKind.EV_CHARGER || a.kind() == ApplianceKind.WATER_HEATER;
      if (movableKind && a.detected() && Double.isFinite(a.kwhPerDay())) {
        movable += a.kwhPerDay();
      }
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.size(); i++) {
      if (p.measured[i] && p.kw[i] > peak) {
        peak = p.kw[i];
      }
    }
    double target = peak * cfg.peakTargetFraction();
    double eff = cfg.battery().roundTripEfficiency();
    double[] need = PeakShaving.required(p.kw, p.hours, target, eff);
    double cap = PeakShaving.lowestCap(p.kw, p.hours, peak, cfg.battery());
    return new Flexibility(
        Stats.round(movable, 3),
        Stats.round(meanDailyKwh > 0 ? movable / meanDailyKwh : Double.NaN, 4),
        Stats.round(peak, 3),
        Stats.round(target, 3),
        Stats.round(need[0], 3),
        Stats.round(need[1], 3),
        cfg.battery().capacityKwh(),
        cfg.battery().powerKw(),
        Stats.round(cap, 3),
        Stats.round(peak - cap, 3));
  }

  /**
   * Another channel's values placed on the import series' intervals (NaN where absent); energy in
   * Wh is converted to kW when {@code energy}.
   */
  static double[] aligned(LoadProfile p, IntervalSeries s, boolean energy) {
    double[] out = new double[p.size()];
    Arrays.fill(out, Double.NaN);
    if (p.size() == 0) {
      return out;
    }
    long t0 = p.epoch[0];
    double factor = energy ? 1 / p.hours / 1000 : 1;
    long[] t = s.epochSeconds();
    double[] v = s.values();
    for (int k = 0; k < t.length; k++) {
      long off = t[k] - t0;
      if (off < 0 || off % p.intervalSeconds != 0) {
        continue;
      }
      long i = off / p.intervalSeconds;
      if (i < out.length) {
        out[(int) i] = v[k] * factor;
      }
    }
    return out;
  }

  /** Mean temperature per local day of the profile. */
  static double[] dailyMean(LoadProfile p, IntervalSeries temp, ZoneId zone) {
    double[] sum = new double[p.dayCount];
    int[] n = new int[p.dayCount];
    long firstDay = p.firstDate.toEpochDay();
    var rules = zone.getRules();
    for (int k = 0; k < temp.size(); k++) {
      long t = temp.epochSeconds()[k];
      double v = temp.values()[k];
      if (Double.isNaN(v)) {
        continue;
      }
      int off = rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
      long d = Math.floorDiv(t + off, 86_400L) - firstDay;
      if (d >= 0 && d < p.dayCount) {
        sum[(int) d] += v;
        n[(int) d]++;
      }
    }
    double[] out = new double[p.dayCount];
    for (int d = 0; d < out.length; d++) {
      out[d] = n[d] == 0 ? Double.NaN : sum[d] / n[d];
    }
    return out;
  }
}

package io.loadlens.insights.fleet;

import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.Forecast;
import io.loadlens.insights.fleet.FleetInsights.AggregateLoad;
import io.loadlens.insights.fleet.FleetInsights.Contributor;
import io.loadlens.insights.fleet.FleetInsights.FeederLoad;
import io.loadlens.insights.internal.LoadProfile;
import io.loadlens.insights.internal.SimilarDayForecaster;
import io.loadlens.insights.internal.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fleet-level insights: segmentation by typical-day shape, the aggregate curve with its coincident
 * peak and the consumers driving it, feeder congestion and the fleet's next-day forecast. Stateless
 * and thread-safe.
 */
public final class FleetAnalysis {
  private FleetAnalysis() {}

  public static FleetInsights analyse(List<ConsumerProfileSummary> consumers, FleetConfig cfg) {
    if (consumers.isEmpty()) {
      throw new IllegalArgumentException("fleet analysis: no consumers given");
    }
    for (ConsumerProfileSummary c : consumers) {
      if (c.demandKw().length != cfg.grid().steps()) {
        throw new IllegalArgumentException(
            "consumer "
                + c.meterId()
                + ": demandKw has "
                + c.demandKw().length
                + " steps, the fleet grid "
                + cfg.grid().steps());
      }
    }
    FleetInsights.Segmentation seg = Segmenter.segment(consumers, cfg);
    AggregateLoad agg = aggregate(consumers, cfg);
    List<FeederLoad> feeders = feeders(consumers, cfg);
    Forecast forecast = forecast(agg.kw(), cfg);
    List<String> headline = new ArrayList<>();
    headline.add(
        String.format(
            Locale.ROOT,
            "%d consumers, coincident peak %.1f kW at %s (diversity factor %.2f)",
            consumers.size(),
            agg.coincidentPeakKw(),
            agg.coincidentPeakAt(),
            agg.diversityFactor()));
    for (FleetInsights.Segment s : seg.segments()) {
      headline.add(
          String.format(
              Locale.ROOT,
              "Segment '%s': %d consumers, peak at %02d:00, %.0f kWh/year",
              s.label(),
              s.size(),
              s.peakHour(),
              s.meanAnnualKwh()));
    }
    for (FeederLoad f : feeders) {
      if (f.congestionHours() > 0) {
        headline.add(
            String.format(
                Locale.ROOT,
                "Feeder %s above its %.0f kW rating for %.1f h",
                f.feederId(),
                f.ratedKw(),
                f.congestionHours()));
      }
    }
    headline.add(
        forecast.backtestDays() > 0 && Double.isFinite(forecast.mapePercent())
            ? String.format(
                Locale.ROOT,
                "Next-day fleet forecast backtested over %d days: MAPE %.1f %%",
                forecast.backtestDays(),
                forecast.mapePercent())
            : "Next-day fleet forecast: too little history to backtest it yet");
    return new FleetInsights(consumers.size(), seg, agg, feeders, forecast, headline);
  }

  static AggregateLoad aggregate(List<ConsumerProfileSummary> consumers, FleetConfig cfg) {
    int steps = cfg.grid().steps();
    double[] sum = new double[steps];
    double sumOfPeaks = 0;
    for (ConsumerProfileSummary c : consumers) {
      float[] d = c.demandKw();
      double own = 0;
      for (int k = 0; k < steps; k++) {
        float v = d[k];
        if (!Float.isNaN(v)) {
          sum[k] += v;
          own = Math.max(own, v);
        }
      }
      sumOfPeaks += own;
    }
    int peak = 0;
    for (int k = 1; k < steps; k++) {
      if (sum[k] > sum[peak]) {
        peak = k;
      }
    }
    final int at = peak;
    double peakKw = sum[peak];
    List<Contributor> top =
        consumers.stream()
            .filter(c -> !Float.isNaN(c.demandKw()[at]))
            .sorted(
                Comparator.comparingDouble((ConsumerProfileSummary c) -> c.demandKw()[at])
                    .reversed())
            .limit(cfg.topContributors())
            .map(
                c ->
                    new Contributor(
                        c.meterId(),
                        Stats.round(c.demandKw()[at], 3),
                        Stats.round(peakKw > 0 ? c.demandKw()[at] / peakKw : Double.NaN, 4),
                        Stats.round(maxOf(c.demandKw()), 3)))
            .toList();
    double[] rounded = new double[steps];
    for (int k = 0; k < steps; k++) {
      rounded[k] = Stats.round(sum[k], 3);
    }
    return new AggregateLoad(
        cfg.grid().time(0).toString(),
        cfg.grid().stepSeconds() / 60,
        rounded,
        Stats.round(peakKw, 3),
        cfg.grid().time(peak).atZone(cfg.zone()).toOffsetDateTime().toString(),
        Stats.round(sumOfPeaks, 3),
        Stats.round(peakKw > 0 ? sumOfPeaks / peakKw : Double.NaN, 3),
        top);
  }

  static double maxOf(float[] d) {
    double m = 0;
    for (float v : d) {
      if (!Float.isNaN(v)) {
        m = Math.max(m, v);
      }
    }
    return m;
  }

  static List<FeederLoad> feeders(List<ConsumerProfileSummary> consumers, FleetConfig cfg) {
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    int steps = cfg.grid().steps();
    for (ConsumerProfileSummary c : consumers) {
      if (c.feederId() == null) {
        continue;
      }
      double[] s = sums.computeIfAbsent(c.feederId(), f -> new double[steps]);
      counts.merge(c.feederId(), 1, Integer::sum);
      for (int k = 0; k < steps; k++) {
        if (!Float.isNaN(c.demandKw()[k])) {
          s[k] += c.demandKw()[k];
        }
      }
    }
    List<FeederLoad> out = new ArrayList<>();
    double stepHours = cfg.grid().stepSeconds() / 3600.0;
    sums.forEach(
        (id, s) -> {
          int peak = 0;
          double rated = cfg.feederRatedKw().getOrDefault(id, Double.NaN);
          int over = 0;
          for (int k = 0; k < steps; k++) {
            if (s[k] > s[peak]) {
              peak = k;
            }
            if (s[k] > rated) {
              over++;
            }
          }
          out.add(
              new FeederLoad(
                  id,
                  counts.get(id),
                  Stats.round(s[peak], 3),
                  cfg.grid().time(peak).atZone(cfg.zone()).toOffsetDateTime().toString(),
                  rated,
                  Stats.round(over * stepHours, 2),
                  Stats.round(s[peak] / rated, 4)));
        });
    return out;
  }

  static Forecast forecast(double[] aggregateKw, FleetConfig cfg) {
    FleetGrid g = cfg.grid();
    long[] epoch = new long[g.steps()];
    boolean[] measured = new boolean[g.steps()];
    for (int k = 0; k < epoch.length; k++) {
      epoch[k] = g.epoch(k);
      measured[k] = true;
    }
    LoadProfile p =
        new LoadProfile("fleet", cfg.zone(), g.stepSeconds(), epoch, aggregateKw, measured);
    return SimilarDayForecaster.forecast(p, cfg.forecastBacktestDays());
  }

  /** Whether most members of a group have an appliance. */
  static boolean mostHave(List<ConsumerProfileSummary> members, ApplianceKind kind) {
    long n = members.stream().filter(m -> m.appliances().contains(kind)).count();
    return n * 2 > members.size();
  }
}

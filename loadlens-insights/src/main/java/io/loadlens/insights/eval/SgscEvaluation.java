package io.loadlens.insights.eval;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.ValidatedSeries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs every per-consumer insight on the SGSC 50 households and checks it independently. */
final class SgscEvaluation {
  private SgscEvaluation() {}

  static void run(Path file, PrintStream out) throws IOException {
    long t0 = System.nanoTime();
    Map<String, List<SgscData.Row>> raw = SgscData.read(file);
    InsightConfig cfg = InsightConfig.defaults();
    List<ConsumerInsights> all = new ArrayList<>();
    Map<String, ValidatedSeries> series = new java.util.LinkedHashMap<>();
    int peakOk = 0;
    int peakTimeOk = 0;
    int baseOk = 0;
    int lfOk = 0;
    double maxPeakDiff = 0;
    double maxBaseDiff = 0;
    double maxLfDiff = 0;
    int[] complete = new int[9];
    long dropped =
        raw.values().stream()
            .flatMap(List::stream)
            .filter(r -> !SgscData.exists(r.local()))
            .count();
    out.printf(
        Locale.ROOT,
        "rows at non-existent local times (spring-forward hour), dropped: %d%n",
        dropped);
    for (var e : raw.entrySet()) {
      ValidatedSeries s = SgscData.series(e.getKey(), e.getValue(), false);
      series.put(e.getKey(), s);
      ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, SgscData.SYDNEY), cfg);
      all.add(c);
      SimpleRecompute.Figures f =
          SimpleRecompute.of(
              e.getValue(), cfg.baseLoadPercentile(), cfg.nightStartHour(), cfg.nightEndHour());
      double dp = Math.abs(c.peaks().maxKw() - f.peakKw());
      double db = Math.abs(c.baseLoad().baseLoadW() - f.baseLoadW());
      double dl = Math.abs(c.loadShape().loadFactor() - f.loadFactor());
      maxPeakDiff = Math.max(maxPeakDiff, dp);
      maxBaseDiff = Math.max(maxBaseDiff, db);
      maxLfDiff = Math.max(maxLfDiff, dl);
      peakOk += dp <= 0.0005 + 1e-9 ? 1 : 0;
      baseOk += db <= 0.05 + 1e-9 ? 1 : 0;
      lfOk += dl <= 0.00005 + 1e-9 ? 1 : 0;
      boolean sameTime = c.peaks().maxAt().startsWith(f.peakLocal());
      peakTimeOk += sameTime ? 1 : 0;
      if (!sameTime || dp > 0.0005 + 1e-9) {
        out.printf(
            Locale.ROOT,
            "  peak differs for %s: engine %.3f kW at %s, simple %.3f kW at %s%n",
            e.getKey(),
            c.peaks().maxKw(),
            c.peaks().maxAt(),
            f.peakKw(),
            f.peakLocal());
      }
      countSections(c, complete);
    }
    int n = all.size();
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "SGSC: %d households, %.1f s including reading the CSV%n", n, secs);
    out.printf(
        Locale.ROOT,
        "sections computed per household: consumption %d, peaks %d, base load %d, load shape %d,"
            + " tariffs %d, appliances %d, flexibility %d, anomalies %d, forecast %d (of %d)%n",
        complete[0],
        complete[1],
        complete[2],
        complete[3],
        complete[4],
        complete[5],
        complete[6],
        complete[7],
        complete[8],
        n);
    out.printf(
        Locale.ROOT,
        "independent recomputation: peak kW %d/%d equal (max diff %.4f), peak time %d/%d,"
            + " base load W %d/%d (max diff %.3f), load factor %d/%d (max diff %.6f)%n",
        peakOk,
        n,
        maxPeakDiff,
        peakTimeOk,
        n,
        baseOk,
        n,
        maxBaseDiff,
        lfOk,
        n,
        maxLfDiff);
    detections(all, out);
    for (ConsumerInsights c : all) {
      for (ApplianceDetection a : c.appliances()) {
        if (a.detected() && a.kind() != ApplianceKind.REFRIGERATION_BASE) {
          out.println(
              "  " + c.meterId() + " " + a.kind() + " " + a.confidence() + ": " + a.evidence());
        }
      }
    }
    controlledLoad(raw, cfg, out);
    fleet(all, series, out);
  }

  private static void countSections(ConsumerInsights c, int[] k) {
    k[0] += Double.isFinite(c.consumption().totalKwh()) ? 1 : 0;
    k[1] += Double.isFinite(c.peaks().maxKw()) ? 1 : 0;
    k[2] += Double.isFinite(c.baseLoad().baseLoadW()) ? 1 : 0;
    k[3] += Double.isFinite(c.loadShape().loadFactor()) ? 1 : 0;
    k[4] += c.tariffs().costs().size() == 3 ? 1 : 0;
    k[5] += c.appliances().size() == ApplianceKind.values().length ? 1 : 0;
    k[6] += Double.isFinite(c.flexibility().peakReductionKw()) ? 1 : 0;
    k[7] += c.anomalies() != null ? 1 : 0;
    k[8] += Double.isFinite(c.forecast().mapePercent()) ? 1 : 0;
  }

  private static void detections(List<ConsumerInsights> all, PrintStream out) {
    Map<ApplianceKind, Integer> det = new EnumMap<>(ApplianceKind.class);
    Map<String, Integer> anomalies = new java.util.TreeMap<>();
    double mape = 0;
    double nmae = 0;
    int fc = 0;
    for (ConsumerInsights c : all) {
      for (ApplianceDetection a : c.appliances()) {
        det.merge(a.kind(), a.detected() ? 1 : 0, Integer::sum);
      }
      c.anomalies().forEach(a -> anomalies.merge(a.kind().name(), 1, Integer::sum));
      if (Double.isFinite(c.forecast().mapePercent())) {
        mape += c.forecast().mapePercent();
        nmae += c.forecast().nmaePercent();
        fc++;
      }
    }
    out.println("appliances detected (households): " + det);
    out.println("anomalies reported: " + anomalies);
    out.printf(
        Locale.ROOT,
        "next-day forecast, mean over %d households (last 28 days each): MAPE %.1f %%, nMAE %.1f %%%n",
        fc,
        mape / fc,
        nmae / fc);
    ConsumerInsights first = all.get(0);
    out.println("example headline (" + first.meterId() + "):");
    first.headline().forEach(h -> out.println("  - " + h));
  }

  /**
   * The one household with an off-peak controlled circuit (hot water): its general supply alone
   * should show no water heater; general plus controlled load should.
   */
  private static void controlledLoad(
      Map<String, List<SgscData.Row>> raw, InsightConfig cfg, PrintStream out) {
    for (var e : raw.entrySet()) {
      double controlled =
          e.getValue().stream()
              .mapToDouble(r -> Double.isNaN(r.controlledKwh()) ? 0 : r.controlledKwh())
              .sum();
      if (controlled <= 0) {
        continue;
      }
      double days = e.getValue().size() / 48.0;
      for (boolean with : new boolean[] {false, true}) {
        ValidatedSeries s = SgscData.series(e.getKey(), e.getValue(), with);
        ApplianceDetection wh =
            InsightEngine.analyse(ConsumerInput.of(s, SgscData.SYDNEY), cfg)
                .appliance(ApplianceKind.WATER_HEATER);
        out.printf(
            Locale.ROOT,
            "controlled-load household %s, %s: water heater detected=%s confidence %.2f,"
                + " estimated %.2f kWh/day (metered controlled load %.2f kWh/day): %s%n",
            e.getKey(),
            with ? "general + controlled" : "general supply only",
            wh.detected(),
            wh.confidence(),
            wh.kwhPerDay(),
            controlled / days,
            wh.evidence());
      }
    }
  }

  private static void fleet(
      List<ConsumerInsights> all, Map<String, ValidatedSeries> series, PrintStream out) {
    // Hourly grid over the span the households share most: 2013-01-01 .. 2013-12-31.
    LocalDate from = LocalDate.of(2013, 1, 1);
    int days = 365;
    FleetGrid grid =
        new FleetGrid(from.atStartOfDay(SgscData.SYDNEY).toEpochSecond(), 3600, days * 24);
    List<ConsumerProfileSummary> summaries = new ArrayList<>();
    for (ConsumerInsights c : all) {
      summaries.add(ConsumerProfileSummary.of(series.get(c.meterId()), c, null, grid));
    }
    FleetInsights f = FleetAnalysis.analyse(summaries, FleetConfig.defaults(grid, SgscData.SYDNEY));
    out.printf(
        Locale.ROOT,
        "fleet (2013, hourly grid): k=%d by silhouette %.3f (by k from 2: %s)%n",
        f.segmentation().k(),
        f.segmentation().silhouette(),
        java.util.Arrays.toString(f.segmentation().silhouetteByK()));
    f.headline().forEach(h -> out.println("  - " + h));
  }
}

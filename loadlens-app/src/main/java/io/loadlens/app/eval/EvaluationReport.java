package io.loadlens.app.eval;

import io.loadlens.insights.fleet.FleetInsights;
import java.util.Locale;
import java.util.Map;

/** A {@link SimulatedFleetEvaluation.Result} as Markdown tables for docs/INSIGHTS.md. */
final class EvaluationReport {
  /** The goal of the detection figures (issue "Consumer insights engine"). */
  static final double F1_TARGET = 0.9;

  private EvaluationReport() {}

  static String markdown(SimulatedFleetEvaluation.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        f(
            "%d simulated households, %d days to %s (%s), seed %d, faults: %s%n",
            r.meters(),
            r.days(),
            SimulatedFleetEvaluation.END_DATE,
            SimulatedFleetEvaluation.ZONE,
            r.seed(),
            r.faults()));
    sb.append(
        f(
            "analysed %d, excluded %d (unreadable meters); intervals estimated by VEE %.3f %%,"
                + " missing %.3f %%%n",
            r.analysed(),
            r.excluded(),
            pct(r.estimatedIntervals(), r.totalIntervals()),
            pct(r.missingIntervals(), r.totalIntervals())));
    sb.append(
        f(
            "time (wall): simulation + VEE + insights %.1f s, fleet analysis %.1f s;"
                + " process CPU %.1f s on %d cores%n%n",
            r.pipelineSeconds(),
            r.fleetSeconds(),
            r.processCpuSeconds(),
            Runtime.getRuntime().availableProcessors()));
    detection(sb, r.detection());
    diagnostics(sb, r.diagnostics());
    segmentation(sb, r);
    SimulatedFleetEvaluation.ForecastErrors fe = r.forecast();
    sb.append(
        "\n| next-day forecast backtest | MAPE | nMAE (MAE / range) | WAPE | MAPE of daily energy |"
            + "\n| --- | ---: | ---: | ---: | ---: |\n");
    sb.append(
        f(
            "| household, mean over %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
            fe.consumers(),
            fe.meanMapePercent(),
            fe.meanNmaePercent(),
            fe.meanWapePercent(),
            fe.meanDailyMapePercent()));
    sb.append(
        f(
            "| household, median | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
            fe.medianMapePercent(),
            fe.medianNmaePercent(),
            fe.medianWapePercent(),
            fe.medianDailyMapePercent()));
    sb.append(
        f(
            "| fleet aggregate | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
            fe.fleetMapePercent(),
            fe.fleetNmaePercent(),
            fe.fleetWapePercent(),
            fe.fleetDailyMapePercent()));
    sb.append("\nMisclassified households (first ").append(SimulatedFleetEvaluation.EXAMPLES);
    sb.append(" per question and error type):\n\n");
    for (SimulatedFleetEvaluation.Miss m : r.misses()) {
      sb.append(
          f(
              "- %s %s %s [%s] conf %.3f: %s | truth: %s | also detected: %s%n",
              m.falsePositive() ? "FP" : "FN",
              m.question(),
              m.meterId(),
              m.archetype(),
              m.confidence(),
              m.evidence(),
              m.trueAppliances(),
              m.otherDetections().isEmpty() ? "-" : m.otherDetections()));
    }
    return sb.toString();
  }

  private static void detection(StringBuilder sb, Map<String, BinaryCounts> detection) {
    sb.append("| appliance | present | TP | FP | FN | TN | precision | recall | F1 | F1 ≥ 0.9 |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Map.Entry<String, BinaryCounts> e : detection.entrySet()) {
      BinaryCounts c = e.getValue();
      sb.append(
          f(
              "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f | %s |%n",
              e.getKey(),
              c.truePositives() + c.falseNegatives(),
              c.truePositives(),
              c.falsePositives(),
              c.falseNegatives(),
              c.trueNegatives(),
              c.precision(),
              c.recall(),
              c.f1(),
              c.f1() >= F1_TARGET ? "yes" : "no"));
    }
  }

  private static void diagnostics(StringBuilder sb, Map<String, DetectorDiagnostics> d) {
    sb.append("\n| appliance | best confidence threshold | F1 there | TP/FP/FN there |");
    sb.append(" median kW of true detections | median kW of false detections |\n");
    sb.append("| --- | ---: | ---: | --- | ---: | ---: |\n");
    for (DetectorDiagnostics x : d.values()) {
      BinaryCounts c = x.bestCounts();
      sb.append(
          f(
              "| %s | %.2f | %.3f | %d/%d/%d | %.2f | %.2f |%n",
              x.question(),
              x.bestThreshold(),
              c.f1(),
              c.truePositives(),
              c.falsePositives(),
              c.falseNegatives(),
              x.medianKwTruePositive(),
              x.medianKwFalsePositive()));
    }
  }

  private static void segmentation(StringBuilder sb, SimulatedFleetEvaluation.Result r) {
    FleetInsights.Segmentation s = r.segmentation();
    sb.append(
        f(
            "%nsegmentation: k = %d (silhouette %.3f), adjusted Rand index against the"
                + " archetypes %.3f%n%n",
            s.k(), s.silhouette(), r.adjustedRandIndex()));
    sb.append("| segment | label | consumers | mean kWh/year | routine centre's highest hour |\n");
    sb.append("| --- | --- | ---: | ---: | ---: |\n");
    for (FleetInsights.Segment seg : s.segments()) {
      double top = java.util.Arrays.stream(seg.routineShape()).max().orElse(Double.NaN);
      sb.append(
          f(
              "| %d | %s | %d | %.0f | %.2f |%n",
              seg.id(), seg.label(), seg.size(), seg.meanAnnualKwh(), top));
    }
    sb.append("\n");
    sb.append("| archetype | segment: count |\n| --- | --- |\n");
    for (Map.Entry<String, Map<String, Integer>> e : r.archetypeBySegment().entrySet()) {
      StringBuilder cells = new StringBuilder();
      e.getValue()
          .forEach((seg, n) -> cells.append(cells.isEmpty() ? "" : "; ").append(seg + ": " + n));
      sb.append("| ").append(e.getKey()).append(" | ").append(cells).append(" |\n");
    }
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

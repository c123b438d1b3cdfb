package io.loadlens.app.eval;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.simulator.household.Household;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What helps tune a detector: the F1 it would reach with another confidence threshold, and the
 * typical power it reports for true and for false detections.
 *
 * @param question the appliance question
 * @param bestThreshold the confidence threshold (0.05 steps) with the highest F1
 * @param bestCounts the confusion counts at that threshold
 * @param medianKwTruePositive median {@code typicalKw} of true detections (NaN when none)
 * @param medianKwFalsePositive median {@code typicalKw} of false detections (NaN when none)
 */
public record DetectorDiagnostics(
    String question,
    double bestThreshold,
    BinaryCounts bestCounts,
    double medianKwTruePositive,
    double medianKwFalsePositive) {

  /** One household's answer to one question: the truth and the detector's verdict. */
  record Case(boolean present, ApplianceDetection detection) {}

  static Map<String, DetectorDiagnostics> of(List<MeterPipeline.Analysed> analysed) {
    Map<String, DetectorDiagnostics> out = new LinkedHashMap<>();
    for (GroundTruthLabels q : GroundTruthLabels.values()) {
      List<Case> cases = new ArrayList<>();
      for (MeterPipeline.Analysed a : analysed) {
        Household h = a.meter().data().household();
        cases.add(new Case(q.present(h), a.insights().appliance(q.detector())));
      }
      out.put(q.label(), of(q.label(), cases));
    }
    return out;
  }

  static DetectorDiagnostics of(String question, List<Case> cases) {
    double bestT = Double.NaN;
    BinaryCounts best = null;
    for (int step = 1; step <= 19; step++) {
      double t = step / 20.0; // exact decimal thresholds, as ApplianceDetection rounds to 0.001
      BinaryCounts c = BinaryCounts.empty();
      for (Case k : cases) {
        c = c.add(k.present(), k.detection().confidence() >= t);
      }
      if (best == null || c.f1() > best.f1()) {
        best = c;
        bestT = t;
      }
    }
    List<Double> tpKw = new ArrayList<>();
    List<Double> fpKw = new ArrayList<>();
    for (Case k : cases) {
      double kw = k.detection().typicalKw();
      if (k.detection().detected() && Double.isFinite(kw)) {
        (k.present() ? tpKw : fpKw).add(kw);
      }
    }
    return new DetectorDiagnostics(
        question,
        bestT,
        best,
        SimulatedFleetEvaluation.median(tpKw.stream().mapToDouble(Double::doubleValue).toArray()),
        SimulatedFleetEvaluation.median(fpKw.stream().mapToDouble(Double::doubleValue).toArray()));
  }
}

package io.loadlens.insights;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one appliance detector. Every kind is always reported, detected or not, so a
 * fleet's results compare directly with ground truth (F1 per kind over {@code detected}).
 *
 * @param kind the appliance class
 * @param detected {@code confidence >= 0.5}
 * @param confidence 0..1
 * @param evidence a sentence a person can check ("14 sessions at 7.4 kW, mean 2.1 h")
 * @param sessions the number of sessions or blocks found (0 where not applicable)
 * @param typicalKw the appliance's typical power (NaN when not estimated)
 * @param kwhPerDay its estimated mean energy per day (NaN when not estimated)
 * @param estimatedKwp PV only: estimated peak power of the array (NaN otherwise)
 * @param sampleSessions up to 10 of the largest sessions
 */
public record ApplianceDetection(
    ApplianceKind kind,
    boolean detected,
    double confidence,
    String evidence,
    int sessions,
    double typicalKw,
    double kwhPerDay,
    double estimatedKwp,
    List<Session> sampleSessions) {

  /** The detection threshold on confidence. */
  public static final double THRESHOLD = 0.5;

  public ApplianceDetection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidence, "evidence");
    sampleSessions = List.copyOf(sampleSessions);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(kind + ": confidence must be in 0..1, got " + confidence);
    }
  }

  /** A detection whose {@code detected} follows from the confidence. */
  public static ApplianceDetection of(
      ApplianceKind kind,
      double confidence,
      String evidence,
      int sessions,
      double typicalKw,
      double kwhPerDay,
      double estimatedKwp,
      List<Session> sampleSessions) {
    double c = Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    return new ApplianceDetection(
        kind,
        c >= THRESHOLD,
        c,
        evidence,
        sessions,
        typicalKw,
        kwhPerDay,
        estimatedKwp,
        sampleSessions);
  }

  /**
   * One operating session.
   *
   * @param start local start time with offset
   */
  public record Session(String start, double durationHours, double kw, double kwh) {}
}

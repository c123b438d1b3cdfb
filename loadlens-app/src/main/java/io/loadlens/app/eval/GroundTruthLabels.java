package io.loadlens.app.eval;

import io.loadlens.simulator.household.Appliance;
import io.loadlens.simulator.household.ApplianceKind;
import io.loadlens.simulator.household.Household;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a simulated household's appliances (simulator kinds) answer each detector's question (insight
 * kinds). The insight engine's {@code HEAT_PUMP} is "heat pump or other electric space heating (not
 * separable at this resolution)", so its truth is a heat pump or resistive space heating; the
 * strict heat-pump-only truth is scored separately.
 */
enum GroundTruthLabels {
  EV_CHARGER("EV charger", io.loadlens.insights.ApplianceKind.EV_CHARGER, ApplianceKind.EV_CHARGER),
  ROOFTOP_PV("rooftop PV", io.loadlens.insights.ApplianceKind.ROOFTOP_PV, ApplianceKind.ROOFTOP_PV),
  WATER_HEATER(
      "water heater", io.loadlens.insights.ApplianceKind.WATER_HEATER, ApplianceKind.WATER_HEATER),
  ELECTRIC_HEATING(
      "heat pump / electric space heating",
      io.loadlens.insights.ApplianceKind.HEAT_PUMP,
      ApplianceKind.HEAT_PUMP,
      ApplianceKind.SPACE_HEATING),
  HEAT_PUMP_ONLY(
      "heat pump only (resistive heating counted as absent)",
      io.loadlens.insights.ApplianceKind.HEAT_PUMP,
      ApplianceKind.HEAT_PUMP),
  AIR_CONDITIONING(
      "air conditioning",
      io.loadlens.insights.ApplianceKind.AIR_CONDITIONING,
      ApplianceKind.AIR_CONDITIONING);

  /** The appliances listed when a misclassified household is shown. */
  private static final Set<ApplianceKind> MAJOR =
      EnumSet.of(
          ApplianceKind.EV_CHARGER,
          ApplianceKind.ROOFTOP_PV,
          ApplianceKind.WATER_HEATER,
          ApplianceKind.HEAT_PUMP,
          ApplianceKind.SPACE_HEATING,
          ApplianceKind.AIR_CONDITIONING,
          ApplianceKind.POOL_PUMP,
          ApplianceKind.DRYER);

  private final String label;
  private final io.loadlens.insights.ApplianceKind detector;
  private final Set<ApplianceKind> truth;

  GroundTruthLabels(
      String label,
      io.loadlens.insights.ApplianceKind detector,
      ApplianceKind first,
      ApplianceKind... more) {
    this.label = label;
    this.detector = detector;
    this.truth = EnumSet.of(first, more);
  }

  String label() {
    return label;
  }

  /** The insight engine's kind whose {@code detected} answers this question. */
  io.loadlens.insights.ApplianceKind detector() {
    return detector;
  }

  /** Whether the household really has the appliance. */
  boolean present(Household h) {
    return h.kinds().stream().anyMatch(truth::contains);
  }

  /** The household's appliances that matter to the detectors, with their parameters. */
  static String majorAppliances(Household h) {
    List<String> out =
        h.appliances().stream()
            .filter(a -> MAJOR.contains(a.kind()))
            .map(GroundTruthLabels::describe)
            .toList();
    return out.isEmpty() ? "none" : String.join("; ", out);
  }

  private static String describe(Appliance a) {
    return a.kind().label() + " (" + a.describe() + ")";
  }
}

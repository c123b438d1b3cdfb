package io.loadlens.insights;

/** Appliance classes that interval data at 15–60 minutes can reveal. */
public enum ApplianceKind {
  /** Electric-vehicle charging: multi-hour plateaus at 3.7, 7.4 or 11 kW (or 2.3 kW). */
  EV_CHARGER,
  /** Rooftop photovoltaics: export, or net import dipping at midday below the always-on level. */
  ROOFTOP_PV,
  /** Electric water heater: off-peak controlled night blocks or thermostatic cycles. */
  WATER_HEATER,
  /**
   * Heat pump or other electric space heating (not separable at this resolution): energy that rises
   * with heating degree-days or in winter.
   */
  HEAT_PUMP,
  /** Air conditioning: energy that rises with cooling degree-days or on summer afternoons. */
  AIR_CONDITIONING,
  /** Refrigeration and other always-on appliances, seen as the base load. */
  REFRIGERATION_BASE
}

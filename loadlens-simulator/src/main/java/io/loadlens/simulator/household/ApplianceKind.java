package io.loadlens.simulator.household;

import java.util.Locale;

/** What an appliance is; the ground truth names its column after {@link #label()}. */
public enum ApplianceKind {
  STANDBY,
  REFRIGERATOR,
  LIGHTING,
  ELECTRONICS,
  COOKING,
  WASHING_MACHINE,
  DRYER,
  DISHWASHER,
  WATER_HEATER,
  SPACE_HEATING,
  HEAT_PUMP,
  AIR_CONDITIONING,
  POOL_PUMP,
  EV_CHARGER,
  ROOFTOP_PV;

  /** e.g. {@code washing-machine}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for a generator (its energy is exported or offsets consumption). */
  public boolean generates() {
    return this == ROOFTOP_PV;
  }
}

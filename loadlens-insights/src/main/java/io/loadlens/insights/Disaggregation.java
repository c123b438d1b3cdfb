package io.loadlens.insights;

import io.loadlens.insights.internal.LoadProfile;
import io.loadlens.insights.internal.ThermostaticTracker;
import io.loadlens.model.ValidatedSeries;
import java.time.ZoneId;

/** Per-interval appliance estimates, for evaluation against sub-metered ground truth. */
public final class Disaggregation {
  private Disaggregation() {}

  /**
   * A tracked fixed-power on/off load (water heater, air conditioner).
   *
   * @param powerKw its estimated power
   * @param cycles on-periods found
   * @param stepProminence density of rising steps near {@code powerKw} over the density at 45–75 %
   *     of it (above 1 when whole steps of one size stand out)
   * @param active per interval of the input, whether the load was on in it
   * @param kwh per interval, its estimated energy
   */
  public record ThermostaticLoad(
      double powerKw, int cycles, double stepProminence, boolean[] active, double[] kwh) {}

  /** Tracks the dominant fixed-power load of 0.9–4 kW in an import series. */
  public static ThermostaticLoad thermostatic(ValidatedSeries importWh, ZoneId zone) {
    ThermostaticTracker.Track t = ThermostaticTracker.track(new LoadProfile(importWh, zone));
    return new ThermostaticLoad(t.powerKw(), t.cycles(), t.prominence(), t.active(), t.kwh());
  }
}

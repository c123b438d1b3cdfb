package io.loadlens.simulator.household;

/**
 * Electric space heating (resistive panels or storage-less convectors) or an air-to-water heat
 * pump, driven by the outdoor temperature: the heat loss is {@code ua × (target − outdoor)} minus
 * internal gains, the target is the comfort set-point while someone is awake at home and a set-back
 * otherwise. Resistive heaters cycle on/off at full power within a 15-minute thermostat cycle; a
 * heat pump modulates, drawing heat/COP with a COP that falls with the outdoor temperature (a
 * linear fit to typical EN 14511 ratings: COP 3.5 at A7/W35, 2.5 at A-7/W35).
 *
 * @param heatPump true for a heat pump, false for resistive heating
 * @param uaWattsPerKelvin the dwelling's heat-loss coefficient
 * @param capacityWatts the heater's maximum heat output
 * @param comfortC the set-point while awake at home, °C
 * @param setbackC the set-point otherwise, °C
 */
public record SpaceHeating(
    boolean heatPump,
    double uaWattsPerKelvin,
    double capacityWatts,
    double comfortC,
    double setbackC)
    implements Appliance {
  private static final double INTERNAL_GAINS_WATTS = 400;
  private static final int THERMOSTAT_CYCLE_MINUTES = 15;

  @Override
  public ApplianceKind kind() {
    return heatPump ? ApplianceKind.HEAT_PUMP : ApplianceKind.SPACE_HEATING;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "UA %.0f W/K, %.0f W, %.1f/%.1f °C",
        uaWattsPerKelvin,
        capacityWatts,
        comfortC,
        setbackC);
  }

  /** Heat-pump coefficient of performance at an outdoor temperature. */
  static double cop(double outdoorC) {
    return Math.max(1.8, Math.min(4.8, 3.0 + 0.0714 * outdoorC));
  }

  @Override
  public void render(DayContext day, double[] out) {
    if (day.dailyMeanC() > comfortC - 3) {
      return; // heating season only
    }
    int n = day.frame().minutes();
    boolean occupied = day.schedule().occupied();
    for (int i = 0; i < n; i++) {
      double target = occupied && day.awake(i) ? comfortC : setbackC;
      double outdoor = day.temperatureC(i);
      double heat =
          Math.min(capacityWatts, uaWattsPerKelvin * (target - outdoor) - INTERNAL_GAINS_WATTS);
      if (heat <= 0) {
        continue;
      }
      if (heatPump) {
        double electric = heat / cop(outdoor);
        double minimum = 0.3 * capacityWatts / cop(outdoor);
        if (electric >= minimum) {
          out[i] += electric * (0.95 + 0.1 * day.noise(41, i / 5));
        } else if (Math.floorMod(i, THERMOSTAT_CYCLE_MINUTES)
            < THERMOSTAT_CYCLE_MINUTES * electric / minimum) {
          out[i] += minimum;
        }
      } else {
        double duty = heat / capacityWatts;
        if (Math.floorMod(i + 7, THERMOSTAT_CYCLE_MINUTES)
            < Math.round(THERMOSTAT_CYCLE_MINUTES * duty)) {
          out[i] += capacityWatts;
        }
      }
    }
  }
}

package io.loadlens.simulator.household;

/**
 * Split air conditioning: cools while someone is at home and the outdoor temperature exceeds the
 * set-point, drawing heat gain / COP (COP 3, inverter units at part load), cycling at low load.
 *
 * @param uaWattsPerKelvin heat gain per kelvin of outdoor excess (incl. solar gains)
 * @param capacityWatts maximum electrical input
 * @param setpointC cooling set-point, °C
 */
public record AirConditioning(double uaWattsPerKelvin, double capacityWatts, double setpointC)
    implements Appliance {
  private static final double COP = 3.0;

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.AIR_CONDITIONING;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT, "%.0f W, set-point %.1f °C", capacityWatts, setpointC);
  }

  @Override
  public void render(DayContext day, double[] out) {
    if (!day.schedule().occupied() || day.dailyMeanC() < setpointC - 8) {
      return;
    }
    int n = day.frame().minutes();
    for (int i = 0; i < n; i++) {
      double outdoor = day.temperatureC(i);
      if (!day.home(i) || outdoor <= setpointC) {
        continue;
      }
      double electric = Math.min(capacityWatts, uaWattsPerKelvin * (outdoor - setpointC) / COP);
      double minimum = 0.25 * capacityWatts;
      if (electric >= minimum) {
        out[i] += electric;
      } else if (Math.floorMod(i, 12) < 12 * electric / minimum) {
        out[i] += minimum;
      }
    }
  }
}

package io.loadlens.simulator.household;

/**
 * Split air conditioning: cools while someone is at home and the outdoor temperature exceeds the
 * set-point, drawing heat gain / COP (COP 3, inverter units at part load), cycling at low load;
 * heats (reverse cycle) while someone is awake and it is colder than the heating set-point.
 *
 * @param uaWattsPerKelvin heat gain per kelvin of outdoor excess (incl. solar gains)
 * @param capacityWatts maximum electrical input
 * @param setpointC cooling set-point, °C
 * @param heatingSetpointC reverse-cycle heating set-point while awake at home, °C (units in mild
 *     climates heat in winter too)
 */
public record AirConditioning(
    double uaWattsPerKelvin, double capacityWatts, double setpointC, double heatingSetpointC)
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
    if (!day.schedule().occupied()) {
      return;
    }
    int n = day.frame().minutes();
    for (int i = 0; i < n; i++) {
      double outdoor = day.temperatureC(i);
      double load;
      if (day.home(i) && outdoor > setpointC) {
        load = uaWattsPerKelvin * (outdoor - setpointC);
      } else if (day.awake(i) && outdoor < heatingSetpointC - 2) {
        load = uaWattsPerKelvin * (heatingSetpointC - outdoor) - 400;
      } else {
        continue;
      }
      if (load <= 0) {
        continue;
      }
      double electric = Math.min(capacityWatts, load / COP);
      double minimum = 0.25 * capacityWatts;
      if (electric >= minimum) {
        out[i] += electric;
      } else if (Math.floorMod(i, 12) < 12 * electric / minimum) {
        out[i] += minimum;
      }
    }
  }
}

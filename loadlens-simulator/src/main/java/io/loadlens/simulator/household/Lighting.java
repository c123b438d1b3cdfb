package io.loadlens.simulator.household;

/**
 * Lighting: on while someone is awake at home and it is dark (the sun low, or heavy cloud), a night
 * light while asleep, nothing while away.
 *
 * @param maxWatts all the lights a household uses at once in the evening
 */
public record Lighting(double maxWatts) implements Appliance {
  @Override
  public ApplianceKind kind() {
    return ApplianceKind.LIGHTING;
  }

  @Override
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.0f W", maxWatts);
  }

  @Override
  public void render(DayContext day, double[] out) {
    int n = day.frame().minutes();
    SolarDay sun = day.solar();
    double cloud = day.cloudiness();
    for (int i = 0; i < n; i++) {
      if (day.awake(i)) {
        double sinEl = sun.sinElevation(i);
        double dark = Math.max(0, Math.min(1, (0.12 + 0.1 * cloud - sinEl) / 0.2));
        double level = 0.08 + 0.92 * dark;
        out[i] += maxWatts * level * (0.75 + 0.5 * day.noise(21, i / 10));
      } else if (day.home(i)) {
        out[i] += 0.04 * maxWatts;
      }
    }
  }
}

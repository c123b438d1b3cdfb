package io.loadlens.simulator.household;

/**
 * Television, computers, game consoles and other plug loads in use while someone is awake at home,
 * most in the evening.
 *
 * @param eveningWatts the draw in the evening, when most of them are on
 */
public record Electronics(double eveningWatts) implements Appliance {
  @Override
  public ApplianceKind kind() {
    return ApplianceKind.ELECTRONICS;
  }

  @Override
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.0f W in the evening", eveningWatts);
  }

  @Override
  public void render(DayContext day, double[] out) {
    int n = day.frame().minutes();
    for (int i = 0; i < n; i++) {
      if (day.awake(i)) {
        int local = day.frame().localMinute(i);
        double level = local >= 1_080 || local < 60 ? 1.0 : 0.45;
        out[i] += eveningWatts * level * (0.6 + 0.8 * day.noise(31, i / 15));
      }
    }
  }
}

package io.loadlens.simulator.household;

/** Always-on base load (routers, standby electronics, alarm, circulation): a near-constant draw. */
public record Standby(double watts) implements Appliance {
  public Standby {
    if (!(watts > 0 && watts < 1_000)) {
      throw new IllegalArgumentException("standby watts " + watts + " is outside (0, 1000)");
    }
  }

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.STANDBY;
  }

  @Override
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.0f W", watts);
  }

  @Override
  public void render(DayContext day, double[] out) {
    int n = day.frame().minutes();
    double level = 1;
    for (int i = 0; i < n; i++) {
      if (i % 7 == 0) {
        level = 0.92 + 0.16 * day.noise(11, i / 7);
      }
      out[i] += watts * level;
    }
  }
}

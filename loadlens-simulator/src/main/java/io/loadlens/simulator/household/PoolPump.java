package io.loadlens.simulator.household;

/**
 * A swimming-pool filter pump on a daytime timer, running longer in summer.
 *
 * @param watts pump draw
 * @param summerMinutes daily run time in the warmest season (half of it in the coldest)
 */
public record PoolPump(double watts, int summerMinutes) implements Appliance {
  private static final int TIMER_START_LOCAL_MINUTE = 540;

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.POOL_PUMP;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT, "%.0f W, %d min/day in summer", watts, summerMinutes);
  }

  @Override
  public void render(DayContext day, double[] out) {
    double warmth = Math.max(0, Math.min(1, (day.dailyMeanC() - 12) / 12));
    int minutes = (int) (summerMinutes * (0.5 + 0.5 * warmth));
    Appliance.run(day, out, TIMER_START_LOCAL_MINUTE, minutes, watts);
  }
}

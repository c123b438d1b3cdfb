package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/**
 * Electric-vehicle charging: on a share of days the car comes home needing some energy and charges
 * at the wallbox's rating (3.7 kW single-phase 16 A, 7.4 kW single-phase 32 A, 11 kW three-phase 16
 * A) until full, tapering in the last minutes; a delayed charger waits for the night tariff.
 *
 * @param chargeWatts the wallbox rating
 * @param sessionsPerWeek mean charging sessions per week
 * @param meanSessionKwh mean energy per session
 * @param delayed true when charging waits until after midnight
 */
public record EvCharger(
    double chargeWatts, double sessionsPerWeek, double meanSessionKwh, boolean delayed)
    implements Appliance {

  /** The common wallbox ratings, W. */
  public static final double[] RATINGS = {3_700, 7_400, 11_000};

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.EV_CHARGER;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%.1f kW, %.1f sessions/week, %.1f kWh/session%s",
        chargeWatts / 1_000,
        sessionsPerWeek,
        meanSessionKwh,
        delayed ? ", delayed to night" : "");
  }

  @Override
  public boolean spills() {
    return true;
  }

  @Override
  public void render(DayContext day, double[] out) {
    SplittableRandom rng = day.rng(this);
    DaySchedule s = day.schedule();
    if (!s.occupied() || rng.nextDouble() >= sessionsPerWeek / 7.0) {
      return;
    }
    double kwh = meanSessionKwh * (0.4 + 1.2 * rng.nextDouble());
    int arrival = s.dinnerMinute() - rng.nextInt(20, 90);
    int start = delayed ? 1_440 + rng.nextInt(0, 90) : arrival;
    double minutes = kwh * 60_000 / chargeWatts;
    int whole = (int) minutes;
    int taper = Math.min(whole, 10);
    Appliance.run(day, out, start, whole - taper, chargeWatts);
    for (int m = 0; m < taper; m++) {
      Appliance.run(day, out, start + whole - taper + m, 1, chargeWatts * (1 - 0.08 * m));
    }
  }
}

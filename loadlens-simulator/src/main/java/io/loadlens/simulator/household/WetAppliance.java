package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/**
 * Washing machine, tumble dryer or dishwasher: programme runs with a water-heating phase, a motor
 * phase and (washer) a spin. The dryer runs after the washer on a share of washing days, so it
 * re-derives the washer's start from the washer's own random draws.
 *
 * @param kind WASHING_MACHINE, DRYER or DISHWASHER
 * @param runsPerWeek mean number of runs per week (for the dryer: of the washer it follows)
 * @param heaterWatts draw of the water heating element (dryer: of its heater)
 * @param dryerShare for the dryer: the share of washes that are dried; otherwise 0
 */
public record WetAppliance(
    ApplianceKind kind, double runsPerWeek, double heaterWatts, double dryerShare)
    implements Appliance {
  public WetAppliance {
    if (kind != ApplianceKind.WASHING_MACHINE
        && kind != ApplianceKind.DRYER
        && kind != ApplianceKind.DISHWASHER) {
      throw new IllegalArgumentException("wet appliance kind " + kind + " is not a wet appliance");
    }
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT, "%.1f runs/week, %.0f W heater", runsPerWeek, heaterWatts);
  }

  @Override
  public boolean spills() {
    return true;
  }

  @Override
  public void render(DayContext day, double[] out) {
    DaySchedule s = day.schedule();
    if (!s.occupied()) {
      return;
    }
    switch (kind) {
      case WASHING_MACHINE -> {
        int start = washStart(day, runsPerWeek);
        if (start >= 0) {
          renderWash(day, out, start);
        }
      }
      case DRYER -> {
        int start = washStart(day, runsPerWeek);
        if (start >= 0 && day.rng(this).nextDouble() < dryerShare) {
          renderDry(day, out, start + 100);
        }
      }
      default -> renderDishwasher(day, out);
    }
  }

  /** The local minute the washer starts today, or -1 when it does not run. */
  static int washStart(DayContext day, double runsPerWeek) {
    SplittableRandom rng = day.rng(ApplianceKind.WASHING_MACHINE);
    if (rng.nextDouble() >= runsPerWeek / 7.0) {
      return -1;
    }
    DaySchedule s = day.schedule();
    for (int attempt = 0; attempt < 6; attempt++) {
      int minute = s.wakeMinute() + 30 + rng.nextInt(0, 720);
      if (minute < 1_350 && s.awake(minute)) {
        return minute;
      }
    }
    return -1;
  }

  private void renderWash(DayContext day, double[] out, int start) {
    Appliance.run(day, out, start, 4, 150);
    Appliance.run(day, out, start + 4, 16, heaterWatts);
    Appliance.run(day, out, start + 20, 55, 180);
    Appliance.run(day, out, start + 75, 5, 120);
    Appliance.run(day, out, start + 80, 12, 380);
  }

  private void renderDry(DayContext day, double[] out, int start) {
    SplittableRandom rng = day.rng(this);
    int length = rng.nextInt(55, 95);
    for (int m = 0; m < length; m++) {
      boolean heating = m < length - 10 && (m % 10) < 8;
      Appliance.run(day, out, start + m, 1, heating ? heaterWatts : 250);
    }
  }

  private void renderDishwasher(DayContext day, double[] out) {
    SplittableRandom rng = day.rng(this);
    if (rng.nextDouble() >= runsPerWeek / 7.0) {
      return;
    }
    DaySchedule s = day.schedule();
    boolean delayed = rng.nextDouble() < 0.3;
    int start = delayed ? 1_380 + rng.nextInt(0, 120) : s.dinnerMinute() + rng.nextInt(45, 150);
    Appliance.run(day, out, start, 5, 80);
    Appliance.run(day, out, start + 5, 18, heaterWatts);
    Appliance.run(day, out, start + 23, 40, 90);
    Appliance.run(day, out, start + 63, 14, heaterWatts);
    Appliance.run(day, out, start + 77, 35, 30);
  }
}

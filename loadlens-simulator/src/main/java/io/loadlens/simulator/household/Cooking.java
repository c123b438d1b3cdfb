package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/**
 * Cooking: a kettle and toaster after waking, a lunch on the hob when someone is home, the main
 * meal on the hob or in the oven (thermostat cycling) before dinner, and a few microwave uses.
 *
 * @param hobWatts draw of the hob plates used for a meal
 * @param ovenWatts draw of the oven element
 */
public record Cooking(double hobWatts, double ovenWatts) implements Appliance {
  @Override
  public ApplianceKind kind() {
    return ApplianceKind.COOKING;
  }

  @Override
  public String describe() {
    return String.format(java.util.Locale.ROOT, "hob %.0f W, oven %.0f W", hobWatts, ovenWatts);
  }

  @Override
  public void render(DayContext day, double[] out) {
    DaySchedule s = day.schedule();
    if (!s.occupied()) {
      return;
    }
    SplittableRandom rng = day.rng(this);
    int wake = s.wakeMinute();
    if (rng.nextDouble() < 0.85) {
      Appliance.run(day, out, wake + rng.nextInt(5, 30), 3, 2_000);
      if (rng.nextDouble() < 0.4) {
        Appliance.run(day, out, wake + rng.nextInt(10, 35), 3, 900);
      }
    }
    if (s.home(750) && s.awake(750) && rng.nextDouble() < 0.45) {
      Appliance.run(day, out, 720 + rng.nextInt(0, 60), rng.nextInt(10, 25), hobWatts * 0.6);
    }
    int dinner = s.dinnerMinute();
    double meal = rng.nextDouble();
    if (meal < 0.3) {
      int length = rng.nextInt(30, 60);
      int start = dinner - length;
      for (int m = 0; m < length; m++) {
        boolean on = m < 12 || rng.nextDouble() < 0.45;
        if (on) {
          Appliance.run(day, out, start + m, 1, ovenWatts);
        }
      }
      Appliance.run(day, out, dinner - 15, 12, hobWatts * 0.5);
    } else if (meal < 0.8) {
      int length = rng.nextInt(20, 45);
      Appliance.run(day, out, dinner - length, length, hobWatts * (0.35 + 0.35 * rng.nextDouble()));
    }
    int microwaves = rng.nextInt(0, 3 + day.occupants());
    for (int k = 0; k < microwaves; k++) {
      int minute = wake + rng.nextInt(0, Math.max(1, 1_380 - wake));
      if (s.awake(Math.min(1_439, minute))) {
        Appliance.run(day, out, minute, rng.nextInt(2, 6), 1_100);
      }
    }
  }
}

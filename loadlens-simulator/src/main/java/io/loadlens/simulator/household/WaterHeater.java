package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/**
 * Electric storage water heater. Thermostatic: after each hot-water draw (morning showers, evening
 * use) the element runs at full power until the drawn energy is replaced, plus short reheats for
 * standing losses. Off-peak controlled: the utility's ripple/time switch lets it run only from late
 * evening, recovering the whole day's use in one long night run.
 *
 * @param elementWatts element rating (typically 2.4 to 3.6 kW)
 * @param litresPerPerson hot water use per occupant and day at 40 K temperature rise
 * @param offPeak true when the heater is on an off-peak controlled circuit
 */
public record WaterHeater(double elementWatts, double litresPerPerson, boolean offPeak)
    implements Appliance {
  /** Energy to heat one litre by 40 K: 4.186 kJ/(kg K) × 40 K / 3600 = 0.0465 kWh. */
  private static final double KWH_PER_LITRE = 4.186 * 40 / 3_600;

  private static final double STANDING_LOSS_KWH = 1.4;

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.WATER_HEATER;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%.0f W, %.0f L/person/day%s",
        elementWatts,
        litresPerPerson,
        offPeak ? ", off-peak controlled" : ", thermostatic");
  }

  @Override
  public boolean spills() {
    return true;
  }

  @Override
  public void render(DayContext day, double[] out) {
    SplittableRandom rng = day.rng(this);
    DaySchedule s = day.schedule();
    double use =
        s.occupied()
            ? day.occupants() * litresPerPerson * KWH_PER_LITRE * (0.6 + 0.8 * rng.nextDouble())
            : 0;
    if (offPeak) {
      int start = 1_320 + rng.nextInt(0, 90);
      heat(day, out, start, use + STANDING_LOSS_KWH);
      return;
    }
    if (use > 0) {
      heat(day, out, s.wakeMinute() + rng.nextInt(5, 40), use * 0.6);
      heat(day, out, s.dinnerMinute() + rng.nextInt(30, 150), use * 0.4);
    }
    for (int k = 0; k < 4; k++) {
      heat(day, out, 180 + k * 360 + rng.nextInt(0, 60), STANDING_LOSS_KWH / 4);
    }
  }

  private void heat(DayContext day, double[] out, int startLocal, double kwh) {
    double minutes = kwh * 60_000 / elementWatts;
    int whole = (int) minutes;
    Appliance.run(day, out, startLocal, whole, elementWatts);
    Appliance.run(day, out, startLocal + whole, 1, elementWatts * (minutes - whole));
  }
}

package io.loadlens.simulator.household;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Computes a household's day at 1-minute resolution and integrates it to the capture period. Pure:
 * the result depends only on (household, weather seed, zone, date, period, outage minutes).
 */
public final class HouseholdSimulator {
  private static final double NOMINAL_VOLTS = 230;
  private static final double VOLTS_DROP_PER_KW = 0.35;
  private static final double VOLTS_RISE_PER_KW_EXPORT = 0.5;

  /** The shared daily voltage swing per local minute: high around midday, a dip at 19:00. */
  private static final double[] DAILY_SWING = new double[1_440];

  static {
    for (int lm = 0; lm < 1_440; lm++) {
      DAILY_SWING[lm] =
          2.0 * Math.cos(2 * Math.PI * (lm - 780) / 1_440.0)
              - 2.5 * Math.exp(-Math.pow((lm - 1_140) / 90.0, 2));
    }
  }

  private final Weather weather;
  private final ZoneId zone;
  private final int intervalMinutes;

  public HouseholdSimulator(Weather weather, ZoneId zone, int intervalMinutes) {
    if (intervalMinutes <= 0 || 1_440 % intervalMinutes != 0 || intervalMinutes > 60) {
      throw new IllegalArgumentException(
          "interval minutes " + intervalMinutes + " must divide 60 (e.g. 5, 10, 15, 30, 60)");
    }
    this.weather = weather;
    this.zone = zone;
    this.intervalMinutes = intervalMinutes;
  }

  public ZoneId zone() {
    return zone;
  }

  public int intervalMinutes() {
    return intervalMinutes;
  }

  /**
   * The day's energy.
   *
   * @param powerOff elapsed minutes without supply (an outage), or null for none
   */
  public DayEnergy simulate(Household household, LocalDate date, boolean[] powerOff) {
    DayFrame frame = DayFrame.of(date, zone);
    DayContext day = context(household, frame);
    DayContext previous = null;
    int n = frame.minutes();
    List<Appliance> appliances = household.appliances();
    int intervals = n / intervalMinutes;
    long[][] energy = new long[appliances.size()][intervals];
    long[] net = new long[n];
    double[][] phaseWatts = new double[3][n];
    double[] buffer = new double[n + DayFrame.SPILL_MINUTES];
    for (int a = 0; a < appliances.size(); a++) {
      Appliance appliance = appliances.get(a);
      java.util.Arrays.fill(buffer, 0);
      appliance.render(day, buffer);
      if (appliance.spills()) {
        if (previous == null) {
          previous = context(household, DayFrame.of(date.minusDays(1), zone));
        }
        addSpill(appliance, previous, buffer);
      }
      boolean generator = appliance.kind().generates();
      int phase = Math.floorMod(a + (int) household.seed(), 3);
      boolean threePhase = isThreePhase(appliance);
      for (int i = 0; i < n; i++) {
        double w = powerOff != null && powerOff[i] ? 0 : buffer[i];
        long milliWh = Math.round(w * 1_000 / 60.0);
        energy[a][i / intervalMinutes] += milliWh;
        net[i] += generator ? -milliWh : milliWh;
        double signed = generator ? -w : w;
        if (threePhase || generator) {
          for (int p = 0; p < 3; p++) {
            phaseWatts[p][i] += signed / 3;
          }
        } else {
          phaseWatts[phase][i] += signed;
        }
      }
    }
    long[] imports = new long[intervals];
    long[] exports = new long[intervals];
    for (int i = 0; i < n; i++) {
      if (net[i] >= 0) {
        imports[i / intervalMinutes] += net[i];
      } else {
        exports[i / intervalMinutes] -= net[i];
      }
    }
    int[][] volts = voltages(household, day, phaseWatts, powerOff);
    return new DayEnergy(
        frame, intervalMinutes, household.kinds(), energy, imports, exports, volts);
  }

  private DayContext context(Household household, DayFrame frame) {
    SplittableRandom rng = Seeds.rng(household.seed(), 0x5C4EDL, frame.date().toEpochDay());
    DaySchedule schedule =
        DaySchedule.of(household.archetype(), frame.date(), rng, household.seed());
    return new DayContext(frame, schedule, weather, household.seed(), household.occupants());
  }

  private static void addSpill(Appliance appliance, DayContext previous, double[] buffer) {
    int previousMinutes = previous.frame().minutes();
    double[] before = new double[previousMinutes + DayFrame.SPILL_MINUTES];
    appliance.render(previous, before);
    for (int i = 0; i < DayFrame.SPILL_MINUTES; i++) {
      buffer[i] += before[previousMinutes + i];
    }
  }

  private static boolean isThreePhase(Appliance appliance) {
    return switch (appliance) {
      case EvCharger ev -> ev.chargeWatts() > 10_000;
      case SpaceHeating heating -> true;
      default -> false;
    };
  }

  /**
   * Per-phase voltage: 230 V nominal (EN 50160 allows ±10 %), the household's feeder offset, a
   * daily swing (high around midday, a dip at the evening peak), minute noise, a drop with the
   * household's own phase load and a rise with its export, and occasional sags and swells.
   */
  private int[][] voltages(Household h, DayContext day, double[][] phaseWatts, boolean[] off) {
    DayFrame frame = day.frame();
    int n = frame.minutes();
    int intervals = n / intervalMinutes;
    SplittableRandom rng = Seeds.rng(h.seed(), 0x7017L, frame.date().toEpochDay());
    int eventStart = -1;
    int eventLength = 0;
    double eventFactor = 1;
    double u = rng.nextDouble();
    if (u < 0.04 || u > 0.985) {
      eventStart = rng.nextInt(0, n);
      eventLength = rng.nextInt(1, 4);
      eventFactor = u < 0.04 ? 0.7 + 0.2 * rng.nextDouble() : 1.08 + 0.04 * rng.nextDouble();
    }
    int[][] result = new int[3][intervals];
    double[] sums = new double[3];
    for (int k = 0; k < intervals; k++) {
      int powered = 0;
      sums[0] = sums[1] = sums[2] = 0;
      for (int i = k * intervalMinutes; i < (k + 1) * intervalMinutes; i++) {
        if (off != null && off[i]) {
          continue;
        }
        powered++;
        int lm = frame.localMinute(i);
        double base = NOMINAL_VOLTS + h.feederOffsetVolts() + DAILY_SWING[lm];
        for (int p = 0; p < 3; p++) {
          double w = phaseWatts[p][i];
          double v = base + (day.noise(61 + p, i) - 0.5) * 1.6;
          v -= w > 0 ? w / 1_000 * VOLTS_DROP_PER_KW : w / 1_000 * VOLTS_RISE_PER_KW_EXPORT;
          if (i >= eventStart && i < eventStart + eventLength) {
            v *= eventFactor;
          }
          sums[p] += v;
        }
      }
      for (int p = 0; p < 3; p++) {
        result[p][k] = powered == 0 ? 0 : (int) Math.round(sums[p] / powered * 10);
      }
    }
    return result;
  }
}

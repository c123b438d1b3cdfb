package io.loadlens.simulator.household;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Occupancy of one local day by local clock minute (0..1439): away, asleep, or awake at home, with
 * the minutes of the day's main events (waking, the main meal) that appliances key on.
 */
public final class DaySchedule {
  static final byte AWAY = 0;
  static final byte ASLEEP = 1;
  static final byte AWAKE = 2;

  private final byte[] state = new byte[1_440];
  private int wakeMinute;
  private int dinnerMinute;
  private boolean occupied;

  private DaySchedule() {}

  public boolean occupied() {
    return occupied;
  }

  public int wakeMinute() {
    return wakeMinute;
  }

  public int dinnerMinute() {
    return dinnerMinute;
  }

  public boolean awake(int localMinute) {
    return state[localMinute] == AWAKE;
  }

  public boolean home(int localMinute) {
    return state[localMinute] != AWAY;
  }

  /** The schedule of a day for a household archetype, with per-day jitter from {@code rng}. */
  static DaySchedule of(Archetype archetype, LocalDate date, SplittableRandom rng, long seed) {
    DaySchedule s = new DaySchedule();
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    int jitter = rng.nextInt(-25, 26);
    switch (archetype) {
      case WORKING_COUPLE ->
          s.plan(weekend ? 510 : 390, weekend ? 1_410 : 1_380, weekend, 465, 1_080, jitter, rng);
      case FAMILY_WITH_CHILDREN ->
          s.plan(weekend ? 450 : 390, 1_350, weekend, 495, 930, jitter, rng);
      case RETIRED -> s.plan(450, 1_350, true, 0, 0, jitter, rng);
      case NIGHT_SHIFT -> s.planNightShift(weekend, jitter);
      case HOLIDAY_HOME -> {
        long week = Math.floorDiv(date.toEpochDay() + 3, 7);
        boolean stay =
            Seeds.uniform(seed, 0x401L, week) < 0.22
                && (weekend || date.getDayOfWeek() == DayOfWeek.FRIDAY);
        boolean holidayWeek = Seeds.uniform(seed, 0x402L, week) < 0.08;
        if (stay || holidayWeek) {
          s.plan(510, 1_400, true, 0, 0, jitter, rng);
        } else {
          s.wakeMinute = -1;
          s.dinnerMinute = -1;
        }
      }
    }
    return s;
  }

  private void plan(
      int wake,
      int sleep,
      boolean homeAllDay,
      int leave,
      int back,
      int jitter,
      SplittableRandom rng) {
    occupied = true;
    wakeMinute = clamp(wake + jitter);
    int sleepMinute = clamp(sleep + rng.nextInt(-30, 31));
    fill(0, wakeMinute, ASLEEP);
    fill(wakeMinute, sleepMinute, AWAKE);
    fill(sleepMinute, 1_440, ASLEEP);
    int returnMinute = back;
    if (!homeAllDay && rng.nextDouble() < 0.25) {
      homeAllDay = true; // someone works from home or is off today
    }
    if (!homeAllDay) {
      returnMinute = clamp(back + rng.nextInt(-40, 41));
      fill(clamp(leave + rng.nextInt(-15, 16)), returnMinute, AWAY);
    } else if (rng.nextDouble() < 0.5) {
      int out = clamp(600 + rng.nextInt(0, 300));
      fill(out, clamp(out + rng.nextInt(60, 240)), AWAY);
    }
    dinnerMinute =
        clamp(Math.max(homeAllDay ? 1_140 : returnMinute + 60, 1_110) + rng.nextInt(-75, 105));
  }

  private void planNightShift(boolean weekend, int jitter) {
    occupied = true;
    if (weekend) {
      wakeMinute = clamp(600 + jitter);
      fill(0, 1_440, AWAKE);
      fill(150, wakeMinute, ASLEEP);
      dinnerMinute = 1_110;
      return;
    }
    wakeMinute = clamp(840 + jitter);
    fill(0, 1_440, AWAKE);
    fill(0, 390, AWAY);
    fill(450, wakeMinute, ASLEEP);
    fill(1_290, 1_440, AWAY);
    dinnerMinute = 1_110;
  }

  private void fill(int from, int to, byte value) {
    for (int m = Math.max(0, from); m < Math.min(1_440, to); m++) {
      state[m] = value;
    }
  }

  private static int clamp(int minute) {
    return Math.max(0, Math.min(1_439, minute));
  }
}

package io.loadlens.simulator.fault;

import io.loadlens.model.ProfileStatus;
import io.loadlens.simulator.household.Seeds;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults of one meter and where they strike, all derived from the meter's seed: which days have
 * an outage and when, which rows are missing, which carry the critical-error bit, the clock offset,
 * and how many connection attempts a transient fault spoils.
 */
public final class FaultPlan {
  /** Probability that a day of a meter with the outage fault has an outage. */
  static final double OUTAGE_DAY_PROBABILITY = 0.12;

  /** Probability that a day of a meter with the missing-entries fault lacks some rows. */
  static final double MISSING_DAY_PROBABILITY = 0.2;

  /** Probability that a day of a meter with the hardware fault flags some rows. */
  static final double HARDWARE_DAY_PROBABILITY = 0.15;

  private final long seed;
  private final Set<FaultKind> kinds;
  private final int clockSkewSeconds;
  private final int failingAttempts;

  public FaultPlan(long seed, Set<FaultKind> kinds) {
    this.seed = Seeds.derive(seed, 0xFA0L);
    this.kinds =
        Collections.unmodifiableSet(
            kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds));
    SplittableRandom rng = Seeds.rng(this.seed, 1);
    int skewMinutes = rng.nextInt(2, 16) * (rng.nextBoolean() ? 1 : -1);
    this.clockSkewSeconds = kinds.contains(FaultKind.CLOCK_SKEW) ? skewMinutes * 60 : 0;
    this.failingAttempts = rng.nextInt(1, 3);
  }

  public static FaultPlan none(long seed) {
    return new FaultPlan(seed, Set.of());
  }

  public Set<FaultKind> kinds() {
    return kinds;
  }

  public boolean has(FaultKind kind) {
    return kinds.contains(kind);
  }

  /** How far the meter's clock is ahead of true time (negative: behind), seconds. */
  public int clockSkewSeconds() {
    return clockSkewSeconds;
  }

  /**
   * How many connection attempts (counted from the fleet's start) a transient fault spoils before
   * the meter answers properly: 1 or 2.
   */
  public int failingAttempts() {
    return failingAttempts;
  }

  /**
   * The data faults of a day with {@code intervals} capture intervals of {@code period} minutes.
   */
  public DayFaults day(long epochDay, int intervals, int periodMinutes) {
    boolean[] absent = new boolean[intervals];
    int[] status = new int[intervals];
    FaultKind[] cause = new FaultKind[intervals];
    boolean[] off = null;
    if (has(FaultKind.OUTAGE)
        && Seeds.uniform(seed, 2, epochDay) < OUTAGE_DAY_PROBABILITY
        && intervals > 4) {
      SplittableRandom rng = Seeds.rng(seed, 3, epochDay);
      int length = Math.min(intervals - 2, 1 + rng.nextInt(0, Math.max(2, 360 / periodMinutes)));
      int first = rng.nextInt(0, intervals - 1 - length);
      off = new boolean[intervals * periodMinutes];
      for (int k = first; k < first + length; k++) {
        absent[k] = true;
        cause[k] = FaultKind.OUTAGE;
        java.util.Arrays.fill(off, k * periodMinutes, (k + 1) * periodMinutes, true);
      }
      status[first + length] |= ProfileStatus.POWER_DOWN;
    }
    if (has(FaultKind.MISSING_ENTRIES)
        && Seeds.uniform(seed, 4, epochDay) < MISSING_DAY_PROBABILITY) {
      SplittableRandom rng = Seeds.rng(seed, 5, epochDay);
      int count = rng.nextInt(1, 5);
      for (int c = 0; c < count; c++) {
        int k = rng.nextInt(0, intervals);
        if (!absent[k]) {
          absent[k] = true;
          cause[k] = FaultKind.MISSING_ENTRIES;
        }
      }
    }
    if (has(FaultKind.HARDWARE_FAULT)
        && Seeds.uniform(seed, 6, epochDay) < HARDWARE_DAY_PROBABILITY) {
      SplittableRandom rng = Seeds.rng(seed, 7, epochDay);
      int length = rng.nextInt(2, 13);
      int first = rng.nextInt(0, Math.max(1, intervals - length));
      for (int k = first; k < Math.min(intervals, first + length); k++) {
        if (!absent[k]) {
          status[k] |= ProfileStatus.CRITICAL_ERROR;
          cause[k] = FaultKind.HARDWARE_FAULT;
        }
      }
    }
    return new DayFaults(off, absent, status, cause);
  }
}

package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/** What the appliance models of one household see of one day. */
public final class DayContext {
  private final DayFrame frame;
  private final DaySchedule schedule;
  private final Weather weather;
  private final long householdSeed;
  private final double dailyMeanC;
  private final double cloudiness;
  private final int occupants;
  private final long daySeed;
  private SolarDay solar;

  DayContext(
      DayFrame frame, DaySchedule schedule, Weather weather, long householdSeed, int occupants) {
    this.frame = frame;
    this.schedule = schedule;
    this.weather = weather;
    this.householdSeed = householdSeed;
    this.occupants = occupants;
    this.daySeed = Seeds.derive(householdSeed, 0x4015EL, frame.date().toEpochDay());
    this.dailyMeanC = weather.dailyMeanC(frame.date());
    this.cloudiness = weather.cloudiness(frame.date());
  }

  public DayFrame frame() {
    return frame;
  }

  public DaySchedule schedule() {
    return schedule;
  }

  public int occupants() {
    return occupants;
  }

  public double dailyMeanC() {
    return dailyMeanC;
  }

  public double cloudiness() {
    return cloudiness;
  }

  /** Outdoor temperature at an elapsed minute, °C. */
  public double temperatureC(int index) {
    return weather.temperatureC(frame.date(), frame.localMinute(index), dailyMeanC, cloudiness);
  }

  /** Whether anyone is awake at home at an elapsed minute. */
  public boolean awake(int index) {
    return schedule.awake(frame.localMinute(index));
  }

  /** Whether anyone is at home at an elapsed minute. */
  public boolean home(int index) {
    return schedule.home(frame.localMinute(index));
  }

  SolarDay solar() {
    if (solar == null) {
      solar = new SolarDay(frame, weather.climate());
    }
    return solar;
  }

  /** The random draws of one appliance on this day. */
  public SplittableRandom rng(Appliance appliance) {
    return rng(appliance.kind());
  }

  /** The random draws of the appliance of a kind on this day. */
  public SplittableRandom rng(ApplianceKind kind) {
    return Seeds.rng(householdSeed, kind.ordinal(), frame.date().toEpochDay());
  }

  /** Fast per-minute noise in [0, 1) for a channel, independent of evaluation order. */
  public double noise(long channel, int index) {
    return (Seeds.mix64(daySeed ^ (channel << 40) ^ index) >>> 11) * 0x1.0p-53;
  }
}

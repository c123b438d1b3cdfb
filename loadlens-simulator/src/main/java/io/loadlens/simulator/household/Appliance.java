package io.loadlens.simulator.household;

/**
 * An appliance model: it adds its power draw (W, positive; a generator adds its output, also
 * positive) for each elapsed minute of a day. Runs that start late may extend into the spill area
 * after the day's last minute; the simulation carries them into the next day.
 */
public sealed interface Appliance
    permits Standby,
        Refrigerator,
        Lighting,
        Electronics,
        Cooking,
        WetAppliance,
        WaterHeater,
        SpaceHeating,
        AirConditioning,
        PoolPump,
        EvCharger,
        RooftopPv {

  ApplianceKind kind();

  /** A short description of the appliance's parameters for the ground truth. */
  String describe();

  /** Adds watts per elapsed minute into {@code watts} (length: day minutes + spill). */
  void render(DayContext day, double[] watts);

  /** True when runs may cross midnight, so the previous day must be rendered too. */
  default boolean spills() {
    return false;
  }

  /** Adds {@code power} watts from local clock minute {@code startLocal} for {@code minutes}. */
  static void run(DayContext day, double[] watts, int startLocal, int minutes, double power) {
    int start = day.frame().index(startLocal);
    int end = Math.min(watts.length, start + minutes);
    for (int i = start; i < end; i++) {
      watts[i] += power;
    }
  }
}

package io.loadlens.simulator.household;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic household: who lives there and which appliances it has, all drawn from one seed.
 * Holds no consumption data: {@link HouseholdSimulator} computes any day on demand.
 *
 * @param seed the household's seed
 * @param archetype who lives there
 * @param occupants how many people
 * @param appliances the appliances, in ground-truth column order
 * @param feederOffsetVolts how far this household's supply voltage sits from 230 V
 */
public record Household(
    long seed,
    Archetype archetype,
    int occupants,
    List<Appliance> appliances,
    double feederOffsetVolts) {

  /** Penetration of EV chargers among households. */
  public static final double EV_SHARE = 0.15;

  /** Penetration of rooftop PV. */
  public static final double PV_SHARE = 0.20;

  /** Penetration of heat pumps. */
  public static final double HEAT_PUMP_SHARE = 0.20;

  /** Penetration of resistive electric space heating (of all households; none has both). */
  public static final double RESISTIVE_HEATING_SHARE = 0.12;

  /** Penetration of pool pumps in a warm climate (about one Sydney home in eight has a pool). */
  public static final double POOL_PUMP_SHARE_WARM = 0.12;

  /** Penetration of electric storage water heaters. */
  public static final double WATER_HEATER_SHARE = 0.30;

  public Household {
    appliances = List.copyOf(appliances);
    if (occupants < 0 || occupants > 12) {
      throw new IllegalArgumentException("household occupants " + occupants + " is outside 0..12");
    }
  }

  /** Draws a household from a seed; air conditioning is commoner in a warm climate. */
  public static Household generate(long seed, Climate climate) {
    SplittableRandom rng = Seeds.rng(seed, 0x40053L);
    Archetype archetype = Archetype.pick(rng.nextDouble());
    int occupants =
        Math.max(1, rng.nextInt(archetype.minOccupants(), archetype.maxOccupants() + 1));
    double size = 0.7 + 0.15 * occupants + 0.3 * rng.nextDouble();
    List<Appliance> list = new ArrayList<>();
    double extraBase =
        rng.nextDouble() < 0.2 ? 60 + 180 * rng.nextDouble() : 0; // freezer, aquarium
    list.add(new Standby(20 + 60 * rng.nextDouble() * size + extraBase));
    list.add(
        new Refrigerator(
            80 + 70 * rng.nextDouble(),
            35 + rng.nextInt(0, 30),
            0.3 + 0.15 * rng.nextDouble(),
            rng.nextInt(0, 1_440)));
    list.add(new Lighting(120 + 260 * rng.nextDouble() * size));
    list.add(new Electronics(60 + 200 * rng.nextDouble() * size));
    list.add(new Cooking(1_500 + 1_500 * rng.nextDouble(), 2_000 + 1_000 * rng.nextDouble()));
    double washes = 1.5 + 1.2 * occupants * (0.5 + rng.nextDouble());
    if (rng.nextDouble() < 0.92) {
      list.add(new WetAppliance(ApplianceKind.WASHING_MACHINE, washes, 2_000, 0));
      if (rng.nextDouble() < 0.35) {
        list.add(
            new WetAppliance(ApplianceKind.DRYER, washes, 2_200, 0.4 + 0.5 * rng.nextDouble()));
      }
    }
    if (rng.nextDouble() < (occupants >= 3 ? 0.75 : 0.5)) {
      list.add(new WetAppliance(ApplianceKind.DISHWASHER, 2 + 2.5 * rng.nextDouble(), 2_000, 0));
    }
    if (rng.nextDouble() < WATER_HEATER_SHARE) {
      list.add(
          new WaterHeater(
              2_400 + 1_200 * rng.nextDouble(),
              35 + 30 * rng.nextDouble(),
              rng.nextDouble() < 0.5));
    }
    double ua = (120 + 150 * rng.nextDouble()) * size;
    double heating = rng.nextDouble();
    if (heating < HEAT_PUMP_SHARE) {
      list.add(new SpaceHeating(true, ua, ua * 30, 20 + 2 * rng.nextDouble(), 17));
    } else if (heating < HEAT_PUMP_SHARE + RESISTIVE_HEATING_SHARE) {
      list.add(
          new SpaceHeating(false, ua, Math.min(9_000, ua * 25), 20 + 2 * rng.nextDouble(), 16));
    }
    double acShare = climate.annualMeanC() > 15 ? 0.45 : 0.12;
    if (rng.nextDouble() < acShare) {
      list.add(
          new AirConditioning(
              ua * 1.3,
              1_200 + 1_800 * rng.nextDouble(),
              24 + 3 * rng.nextDouble(),
              18 + 3 * rng.nextDouble()));
    }
    if (climate.annualMeanC() > 15 && rng.nextDouble() < POOL_PUMP_SHARE_WARM) {
      list.add(new PoolPump(750 + 750 * rng.nextDouble(), 240 + 60 * rng.nextInt(0, 5)));
    }
    if (rng.nextDouble() < EV_SHARE) {
      double rating = EvCharger.RATINGS[rng.nextInt(EvCharger.RATINGS.length)];
      list.add(
          new EvCharger(
              rating,
              2 + 3 * rng.nextDouble(),
              8 + 14 * rng.nextDouble(),
              rng.nextDouble() < 0.35));
    }
    if (rng.nextDouble() < PV_SHARE) {
      double facing = climate.latitude() >= 0 ? 180 : 0;
      list.add(
          new RooftopPv(
              (3 + 7 * rng.nextDouble()) * 1_000,
              15 + 25 * rng.nextDouble(),
              facing + (rng.nextDouble() - 0.5) * 180));
    }
    return new Household(seed, archetype, occupants, list, (rng.nextDouble() - 0.5) * 8);
  }

  /** The appliance kinds in ground-truth column order. */
  public List<ApplianceKind> kinds() {
    return appliances.stream().map(Appliance::kind).toList();
  }
}

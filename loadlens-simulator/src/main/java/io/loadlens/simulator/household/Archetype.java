package io.loadlens.simulator.household;

/**
 * Who lives in a household, which decides when it is occupied and awake. Weights are the share of
 * each archetype in a generated fleet.
 */
public enum Archetype {
  WORKING_COUPLE(0.30, 2, 2),
  FAMILY_WITH_CHILDREN(0.30, 3, 5),
  RETIRED(0.22, 1, 2),
  NIGHT_SHIFT(0.10, 1, 2),
  HOLIDAY_HOME(0.08, 0, 4);

  private final double weight;
  private final int minOccupants;
  private final int maxOccupants;

  Archetype(double weight, int minOccupants, int maxOccupants) {
    this.weight = weight;
    this.minOccupants = minOccupants;
    this.maxOccupants = maxOccupants;
  }

  public double weight() {
    return weight;
  }

  public int minOccupants() {
    return minOccupants;
  }

  public int maxOccupants() {
    return maxOccupants;
  }

  /** The archetype for a uniform draw u in [0, 1), by weight. */
  static Archetype pick(double u) {
    double acc = 0;
    for (Archetype a : values()) {
      acc += a.weight;
      if (u < acc) {
        return a;
      }
    }
    return HOLIDAY_HOME;
  }

  /** The lower-case, dash-separated name used in files, e.g. {@code working-couple}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

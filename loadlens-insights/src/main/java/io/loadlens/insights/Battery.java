package io.loadlens.insights;

/**
 * A behind-the-meter battery for peak-shaving what-ifs.
 *
 * @param capacityKwh usable energy
 * @param powerKw maximum charge and discharge power
 * @param roundTripEfficiency 0..1, applied on charging
 */
public record Battery(double capacityKwh, double powerKw, double roundTripEfficiency) {
  public Battery {
    if (!(capacityKwh > 0) || !(powerKw > 0)) {
      throw new IllegalArgumentException(
          "battery capacityKwh and powerKw must be > 0, got " + capacityKwh + ", " + powerKw);
    }
    if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
      throw new IllegalArgumentException(
          "battery roundTripEfficiency must be in (0, 1], got " + roundTripEfficiency);
    }
  }
}

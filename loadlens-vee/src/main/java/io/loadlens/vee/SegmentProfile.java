package io.loadlens.vee;

import java.util.Objects;

/**
 * The typical day of a customer segment (e.g. a standard residential load profile), used to
 * estimate long gaps of a meter that has no history of its own. Values are Wh per interval of an
 * average consumer of the segment, indexed by interval of the local day (local midnight = 0); VEE
 * scales them to the meter's own level when it has valid data, and to the register total when that
 * is known.
 *
 * @param intervalSeconds the profile's interval
 * @param workday Monday to Friday
 * @param saturday Saturday
 * @param sunday Sunday
 */
public record SegmentProfile(
    int intervalSeconds, double[] workday, double[] saturday, double[] sunday) {

  public SegmentProfile {
    if (intervalSeconds <= 0 || 86_400 % intervalSeconds != 0) {
      throw new IllegalArgumentException(
          "SegmentProfile.intervalSeconds must divide one day, got " + intervalSeconds);
    }
    int n = 86_400 / intervalSeconds;
    workday = check("workday", workday, n);
    saturday = check("saturday", saturday, n);
    sunday = check("sunday", sunday, n);
  }

  private static double[] check(String field, double[] day, int n) {
    Objects.requireNonNull(day, field);
    if (day.length != n) {
      throw new IllegalArgumentException(
          "SegmentProfile." + field + " has " + day.length + " values, expected " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!(day[i] >= 0) || Double.isInfinite(day[i])) {
        throw new IllegalArgumentException(
            "SegmentProfile." + field + "[" + i + "] must be a finite value >= 0, got " + day[i]);
      }
    }
    return day.clone();
  }

  /** A segment profile with the same day for every day type. */
  public static SegmentProfile flatWeek(int intervalSeconds, double[] day) {
    return new SegmentProfile(intervalSeconds, day, day, day);
  }

  /**
   * The value for a day type (0 = workday, 1 = Saturday, 2 = Sunday) and interval of the local day.
   */
  public double value(int dayType, int slotOfDay) {
    double[] d = dayType == 0 ? workday : dayType == 1 ? saturday : sunday;
    return d[Math.min(slotOfDay, d.length - 1)];
  }
}

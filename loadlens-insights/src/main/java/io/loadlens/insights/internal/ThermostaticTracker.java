package io.loadlens.insights.internal;

/**
 * Tracks an on/off load of one fixed power (a thermostatic water heater or air conditioner) in
 * interval data: estimates its power as the mode of rising steps between 0.9 and 4 kW, then follows
 * each rise of about that power until the matching fall, a drop of the level back under the
 * pre-rise reference, or {@link #MAX_ON_HOURS}.
 */
public final class ThermostaticTracker {
  /** Smallest element considered: domestic water-heater elements are 1 to 3 kW. */
  static final double MIN_STEP_KW = 0.9;

  static final double MAX_STEP_KW = 4.0;
  static final double BIN_KW = 0.1;
  static final double MAX_ON_HOURS = 6;

  private ThermostaticTracker() {}

  /**
   * @param powerKw the estimated appliance power (NaN when no step mode exists)
   * @param prominence see {@link #prominence}
   * @param modeShare share of rising steps in 0.9..4 kW that fall within ±20 % of the mode
   * @param active per interval, whether the load is on for part of it
   * @param kwh per interval, the estimated energy of the load
   * @param cycles number of on-periods
   */
  public record Track(
      double powerKw,
      double modeShare,
      double prominence,
      boolean[] active,
      double[] kwh,
      int cycles) {}

  public static Track track(LoadProfile p) {
    double power = stepMode(p.kw);
    int n = p.size();
    boolean[] active = new boolean[n];
    double[] kwh = new double[n];
    if (Double.isNaN(power)) {
      return new Track(Double.NaN, 0, 0, active, kwh, 0);
    }
    int maxOn = (int) Math.round(MAX_ON_HOURS / p.hours);
    int cycles = 0;
    int i = 1;
    while (i < n) {
      double prev = p.kw[i - 1];
      double rise = p.kw[i] - prev;
      if (Double.isNaN(rise) || rise < 0.4 * power || rise > 1.6 * power) {
        i++;
        continue;
      }
      double ref = prev;
      // A load switched on late in the previous interval shows there as a partial rise.
      if (i >= 2 && !Double.isNaN(p.kw[i - 2])) {
        double lead = prev - p.kw[i - 2];
        if (lead > 0.15 * power && lead < 0.6 * power) {
          ref = p.kw[i - 2];
          active[i - 1] = true;
          kwh[i - 1] = lead * p.hours;
        }
      }
      int j = i;
      while (j < n && j - i < maxOn && !Double.isNaN(p.kw[j])) {
        double excess = p.kw[j] - ref;
        if (excess < 0.4 * power) {
          break;
        }
        // A fall of the appliance's size that leaves less than most of it ends the cycle after
        // this interval; a fall of another appliance that leaves the level up does not.
        boolean falls =
            j > i
                && j + 1 < n
                && p.kw[j] - p.kw[j + 1] >= 0.6 * power
                && p.kw[j + 1] - ref < 0.6 * power;
        active[j] = true;
        kwh[j] = Math.min(power, excess) * p.hours;
        j++;
        if (falls) {
          break;
        }
      }
      // The interval the load switched off in still carries part of it.
      if (j < n && j > i && !Double.isNaN(p.kw[j])) {
        double rest = p.kw[j] - ref;
        if (rest > 0.15 * power) {
          active[j] = true;
          kwh[j] = Math.min(power, rest) * p.hours;
        }
      }
      cycles++;
      i = j + 1;
    }
    return new Track(
        Stats.round(power, 3),
        modeShare(p.kw, power),
        prominence(p.kw, power),
        active,
        kwh,
        cycles);
  }

  /**
   * The size of a switch-on seen over two intervals: a load switching on a fraction f into interval
   * i adds (1 − f)·P there and the rest in i + 1, so {@code kw[i+1] − kw[i−1]} is P whatever the
   * minute. Taken where a rise of at least 0.3 kW starts and the level holds.
   */
  static double switchOnStep(double[] kw, int i) {
    double rise = kw[i] - kw[i - 1];
    if (!(rise >= 0.3)) {
      return Double.NaN;
    }
    if (i + 1 < kw.length && kw[i + 1] >= kw[i] - 0.1) {
      return Math.max(rise, kw[i + 1] - kw[i - 1]);
    }
    return rise;
  }

  /** The most frequent switch-on step between 0.9 and 4 kW, smoothed over three 0.1 kW bins. */
  static double stepMode(double[] kw) {
    int bins = (int) Math.round((MAX_STEP_KW - MIN_STEP_KW) / BIN_KW) + 1;
    double[] hist = new double[bins];
    int total = 0;
    for (int i = 1; i < kw.length; i++) {
      double d = switchOnStep(kw, i);
      if (d >= MIN_STEP_KW && d <= MAX_STEP_KW) {
        hist[(int) ((d - MIN_STEP_KW) / BIN_KW)]++;
        total++;
      }
    }
    if (total < 10) {
      return Double.NaN;
    }
    int best = -1;
    double bestV = 0;
    for (int b = 0; b < bins; b++) {
      double v = hist[b] + (b > 0 ? 0.5 * hist[b - 1] : 0) + (b + 1 < bins ? 0.5 * hist[b + 1] : 0);
      if (v > bestV) {
        bestV = v;
        best = b;
      }
    }
    // Weighted mean of the mode bin and its neighbours.
    double s = 0;
    double w = 0;
    for (int b = Math.max(0, best - 1); b <= Math.min(bins - 1, best + 1); b++) {
      s += hist[b] * (MIN_STEP_KW + (b + 0.5) * BIN_KW);
      w += hist[b];
    }
    return s / w;
  }

  /**
   * Density of rising steps within ±15 % of {@code power} over the density in 45..75 % of it. A
   * load switching at random minutes splits its step over two intervals uniformly, which fills both
   * bands alike; only whole steps of one size raise the first. Household step sizes that simply
   * thin out with size give less than 1.
   */
  static double prominence(double[] kw, double power) {
    int at = 0;
    int below = 0;
    for (int i = 1; i < kw.length; i++) {
      double d = kw[i] - kw[i - 1];
      if (Math.abs(d - power) <= 0.15 * power) {
        at++;
      } else if (d >= 0.45 * power && d <= 0.75 * power) {
        below++;
      }
    }
    return (double) at / Math.max(1, below);
  }

  static double modeShare(double[] kw, double power) {
    int in = 0;
    int all = 0;
    for (int i = 1; i < kw.length; i++) {
      double d = switchOnStep(kw, i);
      if (d >= MIN_STEP_KW && d <= MAX_STEP_KW) {
        all++;
        if (Math.abs(d - power) <= 0.2 * power) {
          in++;
        }
      }
    }
    return all == 0 ? 0 : (double) in / all;
  }
}

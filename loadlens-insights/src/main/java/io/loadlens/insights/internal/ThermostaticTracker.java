package io.loadlens.insights.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tracks an on/off load of one fixed power (a thermostatic water heater or air conditioner) in
 * interval data. Its power is the most frequent level of <em>full-power events</em> (a rise whose
 * new level holds for at least one whole interval, measured over the whole intervals) in the {@link
 * #QUIET_MONTHS} calendar months with the least consumption: a water heater runs all year at its
 * element's rating, while space heating and cooling, which step at levels that drift with the
 * weather, are then at their lowest. Each rise of about that power is then followed until the
 * matching fall, a drop of the level back under the pre-rise reference, or {@link #MAX_ON_HOURS}.
 */
public final class ThermostaticTracker {
  /** Smallest element considered: domestic water-heater elements are about 1 to 4.5 kW. */
  static final double MIN_STEP_KW = 0.9;

  static final double MAX_STEP_KW = 4.6;
  static final double BIN_KW = 0.1;
  static final double MAX_ON_HOURS = 6;

  /** Months with the least energy per day whose events set the power. */
  static final int QUIET_MONTHS = 4;

  /** Histogram bin of full-power event levels, kW. */
  static final double EVENT_BIN_KW = 0.05;

  /** Events within this share of the power count as the same element (its level ±5 %). */
  static final double MATCH = 0.05;

  /** Largest spread of an event's whole intervals, as a share of its power, for a flat event. */
  static final double FLAT_SHARE = 0.2;

  /** Width of the window of the day in which routine events are counted, hours. */
  static final int ROUTINE_HOURS = 3;

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
      int cycles,
      Level level) {}

  /**
   * The dominant full-power level of the quiet months.
   *
   * @param powerKw the level (NaN when there are no full-power events)
   * @param eventsPerDay full-power events within ±5 % of it per day of the quiet months
   * @param meanHours their mean duration
   * @param flatShare the share of them that are flat (see {@link Event#flat()})
   * @param routineShare the share of them that start in the busiest {@link #ROUTINE_HOURS} hours of
   *     the day (hot water is drawn at the household's routine times: after waking, after dinner)
   * @param quietDays days in the quiet months
   * @param events all full-power events of the series within ±5 % of the level
   */
  public record Level(
      double powerKw,
      double eventsPerDay,
      double meanHours,
      double flatShare,
      double routineShare,
      int quietDays,
      List<Event> events) {
    static final Level NONE = new Level(Double.NaN, 0, 0, 0, 0, 0, List.of());
  }

  /**
   * A rise that holds for at least one whole interval.
   *
   * @param start the interval of the rise
   * @param length intervals from the rise to the fall (the partial ones included)
   * @param kw median excess of the whole intervals over the level before the rise
   * @param spreadKw max − min excess over the whole intervals
   */
  public record Event(int start, int length, double kw, double spreadKw) {
    /** A resistive element at full power is flat: its whole intervals agree within 12 %. */
    boolean flat() {
      return spreadKw <= FLAT_SHARE * kw + 0.1;
    }
  }

  public static Track track(LoadProfile p) {
    return track(p, new boolean[p.size()]);
  }

  /**
   * @param excluded intervals another detector explains: events starting in them set no level
   */
  public static Track track(LoadProfile p, boolean[] excluded) {
    Level level = level(p, excluded);
    double power = level.powerKw();
    int n = p.size();
    boolean[] active = new boolean[n];
    double[] kwh = new double[n];
    if (Double.isNaN(power)) {
      return new Track(Double.NaN, 0, 0, active, kwh, 0, level);
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
        cycles,
        level);
  }

  /** Full-power events and the quiet months' dominant level. */
  static Level level(LoadProfile p, boolean[] excluded) {
    List<Event> events = new ArrayList<>();
    for (Event e : fullPowerEvents(p.kw, MIN_STEP_KW, MAX_STEP_KW)) {
      if (!excluded[e.start()]) {
        events.add(e);
      }
    }
    boolean[] quiet = quietMonths(p);
    int quietDays = 0;
    for (int d = 0; d < p.dayCount; d++) {
      quietDays += quiet[p.dayMonth[d] - 1] ? 1 : 0;
    }
    int bins = (int) Math.ceil((MAX_STEP_KW - MIN_STEP_KW) / EVENT_BIN_KW) + 1;
    double[] hist = new double[bins];
    for (Event e : events) {
      if (quiet[p.dayMonth[p.day[e.start()]] - 1]) {
        hist[(int) ((e.kw() - MIN_STEP_KW) / EVENT_BIN_KW)]++;
      }
    }
    int best = -1;
    double bestCount = 0;
    for (int b = 0; b < bins; b++) {
      double centre = MIN_STEP_KW + (b + 0.5) * EVENT_BIN_KW;
      int w = Math.max(1, (int) Math.round(0.04 * centre / EVENT_BIN_KW));
      double c = 0;
      for (int q = Math.max(0, b - w); q <= Math.min(bins - 1, b + w); q++) {
        c += hist[q];
      }
      if (c > bestCount) {
        bestCount = c;
        best = b;
      }
    }
    if (best < 0 || quietDays == 0) {
      return Level.NONE;
    }
    double power = MIN_STEP_KW + (best + 0.5) * EVENT_BIN_KW;
    List<Event> matched = new ArrayList<>();
    int inQuiet = 0;
    int flat = 0;
    double intervals = 0;
    for (Event e : events) {
      if (Math.abs(e.kw() - power) <= MATCH * power) {
        matched.add(e);
        flat += e.flat() ? 1 : 0;
        intervals += e.length();
        inQuiet += quiet[p.dayMonth[p.day[e.start()]] - 1] ? 1 : 0;
      }
    }
    return new Level(
        Stats.round(power, 3),
        (double) inQuiet / quietDays,
        matched.isEmpty() ? 0 : intervals * p.hours / matched.size(),
        matched.isEmpty() ? 0 : (double) flat / matched.size(),
        busiestWindowShare(p, matched),
        quietDays,
        List.copyOf(matched));
  }

  /** The share of events starting in the {@link #ROUTINE_HOURS} consecutive hours holding most. */
  static double busiestWindowShare(LoadProfile p, List<Event> events) {
    if (events.isEmpty()) {
      return 0;
    }
    int[] byHour = new int[24];
    for (Event e : events) {
      byHour[p.hour(e.start())]++;
    }
    int best = 0;
    for (int h = 0; h < 24; h++) {
      int c = 0;
      for (int k = 0; k < ROUTINE_HOURS; k++) {
        c += byHour[(h + k) % 24];
      }
      best = Math.max(best, c);
    }
    return (double) best / events.size();
  }

  /**
   * The {@link #QUIET_MONTHS} calendar months (of those with at least a week of complete days) with
   * the lowest energy per day; every month when fewer than {@link #QUIET_MONTHS} + 2 qualify.
   */
  static boolean[] quietMonths(LoadProfile p) {
    LoadProfile.DailyTotals daily = p.daily();
    double[] sum = new double[12];
    int[] days = new int[12];
    for (int d = 0; d < p.dayCount; d++) {
      if (daily.complete()[d]) {
        sum[p.dayMonth[d] - 1] += daily.kwh()[d];
        days[p.dayMonth[d] - 1]++;
      }
    }
    List<Integer> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      if (days[m] >= 7) {
        months.add(m);
      }
    }
    boolean[] quiet = new boolean[12];
    if (months.size() < QUIET_MONTHS + 2) {
      Arrays.fill(quiet, true);
      return quiet;
    }
    months.sort(Comparator.comparingDouble(m -> sum[m] / days[m]));
    for (int k = 0; k < QUIET_MONTHS; k++) {
      quiet[months.get(k)] = true;
    }
    return quiet;
  }

  /**
   * Rises of {@code lo..hi} kW whose new level holds for at least one whole interval: the whole
   * step shows in the interval after the rise (a load switched on at a random minute fills it), and
   * the event's power is the median excess of the whole intervals over the level before the rise.
   */
  static List<Event> fullPowerEvents(double[] kw, double lo, double hi) {
    List<Event> out = new ArrayList<>();
    int n = kw.length;
    double[] interior = new double[64];
    int i = 2;
    while (i < n - 2) {
      double ref = Math.min(kw[i - 1], kw[i - 2]);
      double step = kw[i + 1] - ref;
      if (!(kw[i] - ref >= 0.3) || !(step >= lo && step <= hi * 1.1) || kw[i + 1] < kw[i] - 0.1) {
        i++;
        continue;
      }
      int j = i + 1;
      int c = 0;
      while (j < n - 1 && c < interior.length && kw[j] - ref >= 0.6 * step) {
        if (kw[j + 1] - ref >= 0.6 * step) {
          interior[c++] = kw[j] - ref;
        }
        j++;
      }
      if (c >= 1) {
        double[] e = Arrays.copyOf(interior, c);
        Arrays.sort(e);
        double power = e[c / 2];
        if (power >= lo && power <= hi) {
          out.add(new Event(i, j - i, power, e[c - 1] - e[0]));
        }
      }
      i = j + 1;
    }
    return out;
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

package io.loadlens.insights.internal;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EV charging at 15–60-minute resolution: flat plateaus at least 3 kW above the level before them
 * whose power snaps to a charging level, long enough to move a car (at least 1 h, or 45 min at 7.4
 * kW and above, and at least {@link #MIN_SESSION_KWH}). Two things tell a charger from a
 * water-heater element of the same power: a heater runs on (nearly) every day, a car is charged on
 * the days it needs it; and a heater's run replaces one day's hot water (a few kWh) while a
 * charging session typically tops up 8 kWh or more.
 */
public final class EvDetector {
  /**
   * Charging levels: 3.3 kW (on-board chargers of 16 A at 208–230 V), 3.7 kW (1-phase 16 A), 7.4 kW
   * (1-phase 32 A) and 11 kW (3-phase 16 A), IEC 61851-1 mode 3. The 2.3 kW mode-2 level is left
   * out: it cannot be told from a heater element.
   */
  static final double[] LEVELS_KW = {3.3, 3.7, 7.4, 11.0};

  /** A plateau snaps to a level when within −8 % / +18 % of it (other loads only add on top). */
  static final double BELOW = 0.08;

  static final double ABOVE = 0.18;

  /** Smallest session energy counted: 5 kWh, about 30 km of driving. */
  static final double MIN_SESSION_KWH = 5;

  /**
   * Levels from which a session may be as short as 45 min: nothing else in a home draws so flat.
   */
  static final double HIGH_LEVEL_KW = 6;

  /** Share of days with a block at the level from which it is a daily heater, and the full one. */
  static final double DAILY_FROM = 0.7;

  static final double DAILY_FULL = 0.9;

  /**
   * Session energy (median) at and below which a single-phase level is no evidence of a car: a
   * storage heater's run replaces one day's hot water, typically up to about 5 kWh; a car's top-up
   * is typically 8 kWh or more (confidence grows linearly in between and beyond).
   */
  static final double HEATER_RUN_KWH = 5;

  /** Share of a plateau's interior within ±10 % of its level for it to count as flat. */
  static final double CORE_SHARE = 0.75;

  /** Sessions per week from which the rate is no longer evidence against a charger. */
  static final double MIN_PER_WEEK = 0.25;

  /** Seasonal balance (see {@link #seasonalBalance}) from which it is full evidence. */
  static final double BALANCE_FULL = 0.3;

  /** Half-width of the window around the usual session start in which switch-ons count, hours. */
  static final double START_WINDOW_H = 2;

  private EvDetector() {}

  /**
   * The verdict and the charging sessions behind it (empty unless detected).
   *
   * @param detection the verdict
   * @param sessions the sessions that make it, for other detectors to leave out
   */
  public record Result(ApplianceDetection detection, List<Blocks.Block> sessions) {}

  public static Result detect(LoadProfile p) {
    int hour = Math.max(2, (int) Math.ceil(3600.0 / p.intervalSeconds));
    int threeQuarters = Math.max(2, (int) Math.ceil(2700.0 / p.intervalSeconds));
    // One charger draws one level: plateaus are grouped by the level they snap to, 3.3 and 3.7 kW
    // together (both single-phase 16 A), and each group is judged on its own.
    List<List<Blocks.Block>> groups =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Blocks.Block> unsnapped = new ArrayList<>();
    for (Blocks.Block b : Blocks.find(p, 3.0, threeQuarters)) {
      // Flat: a charger holds its level; loads switching on top leave most intervals at it.
      boolean flat = b.spreadKw() <= 0.08 * b.kw() + 0.2 || b.coreShare() >= CORE_SHARE;
      boolean longEnough = b.length() >= hour || b.kw() >= HIGH_LEVEL_KW;
      if (!flat || !longEnough || b.kw() > 22.5 || b.kwh() < MIN_SESSION_KWH) {
        continue;
      }
      double level = nearestLevel(b.kw());
      if (level == 0) {
        unsnapped.add(b);
      } else {
        groups.get(level < HIGH_LEVEL_KW ? 0 : level < 10 ? 1 : 2).add(b);
      }
    }
    Result best = null;
    for (List<Blocks.Block> g : groups) {
      if (!g.isEmpty()) {
        Result r = judge(p, g);
        if (best == null || r.detection().confidence() > best.detection().confidence()) {
          best = r;
        }
      }
    }
    if (best != null) {
      return best;
    }
    String evidence =
        unsnapped.isEmpty()
            ? "no charging plateaus found"
            : String.format(
                Locale.ROOT,
                "%d plateaus at %.1f kW, none at a charging level",
                unsnapped.size(),
                Stats.sortedPercentile(sorted(unsnapped, true), 50));
    return new Result(
        ApplianceDetection.of(
            ApplianceKind.EV_CHARGER, 0, evidence, 0, Double.NaN, 0, Double.NaN, List.of()),
        List.of());
  }

  /** The verdict on the plateaus of one charging level. */
  private static Result judge(LoadProfile p, List<Blocks.Block> sessions) {
    double days = Math.max(1, p.validCount * p.hours / 24);
    double typical = Stats.sortedPercentile(sorted(sessions, true), 50);
    double medianKwh = Stats.sortedPercentile(sorted(sessions, false), 50);
    double kwh = sessions.stream().mapToDouble(Blocks.Block::kwh).sum();
    double hoursMean = sessions.stream().mapToDouble(b -> b.length() * p.hours).average().orElse(0);
    double coverage = dailyCoverage(p, typical, sessions);
    boolean high = typical >= HIGH_LEVEL_KW;
    // A few sessions at 7.4 or 11 kW convince, at 3.3–3.7 kW, where heaters draw too, more must;
    // and
    // a car charged at home is charged at least about once in four weeks, in every season, unlike
    // an air conditioner or a space heater of the same power.
    double perWeek = sessions.size() / (days / 7);
    double count = Math.min(sessions.size() / (high ? 4.0 : 8.0), perWeek / MIN_PER_WEEK);
    double balance = seasonalBalance(p, sessions);
    double seasons = Stats.clamp01(balance / BALANCE_FULL);
    // A switch-on at the level on nearly every day is a heater; so is a level whose runs hold a
    // few kWh (one day's hot water) rather than a car's top-up.
    double notDaily = Stats.clamp01((DAILY_FULL - coverage) / (DAILY_FULL - DAILY_FROM));
    double energy = high ? 1 : Stats.clamp01((medianKwh - HEATER_RUN_KWH) / 4);
    double conf = Math.min(1, count) * seasons * notDaily * energy;
    String evidence =
        String.format(
            Locale.ROOT,
            "%d plateaus at %.1f kW (≈%s kW level, %.1f a week), mean %.1f h, median %.1f"
                + " kWh/session, a switch-on of that size near the usual start on %.0f %% of days,"
                + " seasonal balance %.2f",
            sessions.size(),
            typical,
            nearestLevel(typical),
            perWeek,
            hoursMean,
            medianKwh,
            100 * coverage,
            balance);
    ApplianceDetection d =
        ApplianceDetection.of(
            ApplianceKind.EV_CHARGER,
            conf,
            evidence,
            sessions.size(),
            Stats.round(typical, 2),
            Stats.round(kwh / days, 3),
            Double.NaN,
            ApplianceDetectors.sample(p, sessions));
    return new Result(d, d.detected() ? List.copyOf(sessions) : List.of());
  }

  private static double[] sorted(List<Blocks.Block> blocks, boolean kw) {
    return blocks.stream().mapToDouble(b -> kw ? b.kw() : b.kwh()).sorted().toArray();
  }

  /**
   * Share of days with data on which a load of about {@code kw} switches on within {@link
   * #START_WINDOW_H} hours of the sessions' usual start: a rise over two intervals (a switch-on at
   * any minute shows whole there) of at least 70 % of {@code kw}. A heater's nightly or morning run
   * does it every day, however short; a car only on the days it is charged.
   */
  static double dailyCoverage(LoadProfile p, double kw, List<Blocks.Block> sessions) {
    double usual = circularMeanMinute(p, sessions);
    boolean[] has = new boolean[p.dayCount];
    double[] x = p.kw;
    for (int i = 2; i + 1 < x.length; i++) {
      double ref = Math.min(x[i - 1], x[i - 2]);
      if (x[i + 1] - ref >= 0.7 * kw || x[i] - ref >= 0.7 * kw) {
        double diff = Math.abs(p.minuteOfDay(i) - usual);
        if (Math.min(diff, 1440 - diff) <= START_WINDOW_H * 60) {
          has[p.day[i]] = true;
        }
      }
    }
    LoadProfile.DailyTotals daily = p.daily();
    int with = 0;
    int all = 0;
    for (int d = 0; d < p.dayCount; d++) {
      if (daily.count()[d] > 0) {
        all++;
        with += has[d] ? 1 : 0;
      }
    }
    return all == 0 ? 0 : (double) with / all;
  }

  /**
   * How evenly sessions fall in the two halves of the year, April–September and October–March
   * (summer and winter in either hemisphere): the smaller of the two halves' observed over expected
   * session shares, expected from the days with data in each. 1 when both halves hold their share,
   * 0 when one holds none; 1 when the data do not cover at least 60 days of each half.
   */
  static double seasonalBalance(LoadProfile p, List<Blocks.Block> sessions) {
    LoadProfile.DailyTotals daily = p.daily();
    double[] days = new double[2];
    for (int d = 0; d < p.dayCount; d++) {
      if (daily.count()[d] > 0) {
        days[half(p.dayMonth[d])]++;
      }
    }
    if (days[0] < 60 || days[1] < 60) {
      return 1;
    }
    double[] seen = new double[2];
    for (Blocks.Block b : sessions) {
      seen[half(p.dayMonth[p.day[b.start()]])]++;
    }
    double total = days[0] + days[1];
    double n = sessions.size();
    return Math.min(seen[0] / n / (days[0] / total), seen[1] / n / (days[1] / total));
  }

  private static int half(int month) {
    return month >= 4 && month <= 9 ? 0 : 1;
  }

  /** The circular mean of the blocks' start minutes of the day. */
  static double circularMeanMinute(LoadProfile p, List<Blocks.Block> blocks) {
    double sx = 0;
    double sy = 0;
    for (Blocks.Block b : blocks) {
      double a = 2 * Math.PI * p.minuteOfDay(b.start()) / 1440.0;
      sx += Math.cos(a);
      sy += Math.sin(a);
    }
    double m = Math.atan2(sy, sx) * 1440 / (2 * Math.PI);
    return m < 0 ? m + 1440 : m;
  }

  /** The charging level {@code kw} snaps to, or 0. */
  static double nearestLevel(double kw) {
    double best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (double l : LEVELS_KW) {
      double rel = (kw - l) / l;
      if (rel >= -BELOW && rel <= ABOVE && Math.abs(rel) < bestDistance) {
        best = l;
        bestDistance = Math.abs(rel);
      }
    }
    return best;
  }
}

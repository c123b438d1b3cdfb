package io.loadlens.insights.internal;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Electric water heater: either off-peak controlled blocks (a block of at least 1.2 kW that starts
 * at night at nearly the same time on most days, as ripple or timer control switches it) or
 * thermostatic cycles of one fixed power (see {@link ThermostaticTracker}).
 */
public final class WaterHeaterDetector {
  /** Full-power events per day at which the thermostatic evidence is complete. */
  static final double EVENTS_PER_DAY_FULL = 0.6;

  /** Share of nights with a controlled block below which there is no evidence, and the full one. */
  static final double NIGHTLY_FROM = 0.5;

  static final double NIGHTLY_FULL = 0.85;

  private WaterHeaterDetector() {}

  public static ApplianceDetection detect(LoadProfile p) {
    return detect(p, List.of());
  }

  /**
   * @param claimed blocks another detector explains (EV charging sessions): events starting in them
   *     are left out
   */
  public static ApplianceDetection detect(LoadProfile p, List<Blocks.Block> claimed) {
    boolean[] excluded = new boolean[p.size()];
    for (Blocks.Block b : claimed) {
      java.util.Arrays.fill(excluded, b.start(), Math.min(p.size(), b.start() + b.length()), true);
    }
    ApplianceDetection night = controlledNightBlocks(p, excluded);
    ApplianceDetection cycles = thermostatic(p, excluded);
    return night.confidence() >= cycles.confidence() ? night : cycles;
  }

  static ApplianceDetection controlledNightBlocks(LoadProfile p, boolean[] excluded) {
    int minIntervals = Math.max(2, (int) Math.ceil(1800.0 / p.intervalSeconds));
    List<Blocks.Block> night = new ArrayList<>();
    for (Blocks.Block b : Blocks.find(p, 1.2, minIntervals)) {
      int h = p.hour(b.start());
      if ((h >= 21 || h < 6) && b.kw() <= 6 && !excluded[b.start()]) {
        night.add(b);
      }
    }
    double days = Math.max(1, p.validCount * p.hours / 24);
    if (night.size() < 5) {
      return ApplianceDetection.of(
          ApplianceKind.WATER_HEATER,
          0,
          "no controlled night blocks",
          night.size(),
          Double.NaN,
          0,
          Double.NaN,
          List.of());
    }
    double perDay = Math.min(1, night.size() / days);
    double spreadH = ApplianceDetectors.startHourSpread(p, night);
    double regular = Math.max(0, 1 - spreadH / 3);
    // A controlled heater runs every night, if only to make up standing losses; an EV charger
    // delayed to the night tariff charges on the nights the car needs it.
    double conf = Stats.clamp01((perDay - NIGHTLY_FROM) / (NIGHTLY_FULL - NIGHTLY_FROM)) * regular;
    double[] kw = night.stream().mapToDouble(Blocks.Block::kw).sorted().toArray();
    double kwh = night.stream().mapToDouble(Blocks.Block::kwh).sum();
    return ApplianceDetection.of(
        ApplianceKind.WATER_HEATER,
        conf,
        String.format(
            Locale.ROOT,
            "controlled night blocks on %.0f %% of days at %.1f kW, start-time spread %.1f h",
            100 * perDay,
            Stats.sortedPercentile(kw, 50),
            spreadH),
        night.size(),
        Stats.round(Stats.sortedPercentile(kw, 50), 2),
        Stats.round(kwh / days, 3),
        Double.NaN,
        ApplianceDetectors.sample(p, night));
  }

  static ApplianceDetection thermostatic(LoadProfile p, boolean[] excluded) {
    ThermostaticTracker.Track t = ThermostaticTracker.track(p, excluded);
    double days = Math.max(1, p.validCount * p.hours / 24);
    if (Double.isNaN(t.powerKw())) {
      return ApplianceDetection.of(
          ApplianceKind.WATER_HEATER,
          0,
          "no repeated load steps",
          0,
          Double.NaN,
          0,
          Double.NaN,
          List.of());
    }
    double energy = 0;
    for (double e : t.kwh()) {
      energy += e;
    }
    ThermostaticTracker.Level level = t.level();
    // An element reheats after most days' hot-water use: full-power events at its one level on
    // about every other day or more in the quiet months, where heating and cooling do not blur it.
    double conf = Math.min(1, level.eventsPerDay() / EVENTS_PER_DAY_FULL) * 0.85;
    return ApplianceDetection.of(
        ApplianceKind.WATER_HEATER,
        conf,
        String.format(
            Locale.ROOT,
            "thermostatic element of %.2f kW: %.2f full-power events per day in the %d quietest"
                + " days, mean %.1f h, %.0f %% flat, %.0f %% in the busiest 3 h; %.1f cycles per day"
                + " tracked",
            t.powerKw(),
            level.eventsPerDay(),
            level.quietDays(),
            level.meanHours(),
            100 * level.flatShare(),
            100 * level.routineShare(),
            t.cycles() / days),
        t.cycles(),
        t.powerKw(),
        Stats.round(energy / days, 3),
        Double.NaN,
        List.of());
  }
}

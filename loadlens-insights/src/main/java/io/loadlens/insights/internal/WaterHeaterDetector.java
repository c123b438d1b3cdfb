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
  private WaterHeaterDetector() {}

  public static ApplianceDetection detect(LoadProfile p) {
    ApplianceDetection night = controlledNightBlocks(p);
    ApplianceDetection cycles = thermostatic(p);
    return night.confidence() >= cycles.confidence() ? night : cycles;
  }

  static ApplianceDetection controlledNightBlocks(LoadProfile p) {
    int minIntervals = Math.max(2, (int) Math.ceil(3600.0 / p.intervalSeconds));
    List<Blocks.Block> night = new ArrayList<>();
    for (Blocks.Block b : Blocks.find(p, 1.2, minIntervals)) {
      int h = p.hour(b.start());
      if ((h >= 21 || h < 6) && b.kw() <= 6) {
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
    double conf = Math.min(1, perDay / 0.6) * regular;
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

  static ApplianceDetection thermostatic(LoadProfile p) {
    ThermostaticTracker.Track t = ThermostaticTracker.track(p);
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
    double perDay = t.cycles() / days;
    // A thermostatic heater reheats several times a day; its steps dominate the step histogram.
    // Step prominence is reported but not scored: on the sub-metered UCI heater it is 0.67, as
    // steps split over two intervals at random minutes.
    double conf = Math.min(1, perDay / 3) * Math.min(1, t.modeShare() / 0.4) * 0.85;
    return ApplianceDetection.of(
        ApplianceKind.WATER_HEATER,
        conf,
        String.format(
            Locale.ROOT,
            "thermostatic cycles of %.2f kW, %.1f per day, %.0f %% of load steps at that size,"
                + " step prominence %.2f",
            t.powerKw(),
            perDay,
            100 * t.modeShare(),
            t.prominence()),
        t.cycles(),
        t.powerKw(),
        Stats.round(energy / days, 3),
        Double.NaN,
        List.of());
  }
}

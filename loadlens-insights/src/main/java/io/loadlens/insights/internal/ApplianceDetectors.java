package io.loadlens.insights.internal;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceDetection.Session;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.BaseLoad;
import io.loadlens.insights.Consumption;
import io.loadlens.insights.Hemisphere;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Appliance signatures at 15–60-minute resolution. */
public final class ApplianceDetectors {
  private ApplianceDetectors() {}

  public static List<ApplianceDetection> detectAll(
      LoadProfile p,
      LoadProfile.DailyTotals daily,
      BaseLoad base,
      Consumption.WeatherSensitivity weather,
      double[] exportKw,
      Hemisphere hemi) {
    List<ApplianceDetection> out = new ArrayList<>();
    EvDetector.Result ev = EvDetector.detect(p);
    out.add(ev.detection());
    out.add(PvDetector.detect(p, base, exportKw));
    // Intervals a detected charger explains are no evidence of a water heater.
    out.add(WaterHeaterDetector.detect(p, ev.sessions()));
    out.addAll(SeasonalDetector.detect(p, daily, weather, hemi));
    out.add(refrigeration(base));
    return out;
  }

  /** Circular spread (hours) of block start times around the day. */
  static double startHourSpread(LoadProfile p, List<Blocks.Block> blocks) {
    double sx = 0;
    double sy = 0;
    for (Blocks.Block b : blocks) {
      double a = 2 * Math.PI * p.minuteOfDay(b.start()) / 1440.0;
      sx += Math.cos(a);
      sy += Math.sin(a);
    }
    double r = Math.hypot(sx, sy) / Math.max(1, blocks.size());
    // Circular standard deviation, converted from radians to hours.
    return Math.sqrt(-2 * Math.log(Math.max(r, 1e-9))) * 24 / (2 * Math.PI);
  }

  static List<Session> sample(LoadProfile p, List<Blocks.Block> blocks) {
    return blocks.stream()
        .sorted(Comparator.comparingDouble(Blocks.Block::kwh).reversed())
        .limit(10)
        .map(
            b ->
                new Session(
                    p.iso(b.start()),
                    Stats.round(b.length() * p.hours, 2),
                    Stats.round(b.kw(), 2),
                    Stats.round(b.kwh(), 2)))
        .toList();
  }

  static ApplianceDetection refrigeration(BaseLoad base) {
    double w = base.baseLoadW();
    double conf = Double.isNaN(w) || w < 30 ? 0.1 : Math.min(0.95, 0.5 + (w - 30) / 200);
    return ApplianceDetection.of(
        ApplianceKind.REFRIGERATION_BASE,
        conf,
        String.format(
            Locale.ROOT,
            "always-on %.0f W (%.0f kWh/yr): refrigeration, standby and other continuous loads",
            w,
            base.yearlyKwh()),
        0,
        Stats.round(w / 1000, 3),
        Stats.round(w * 24 / 1000, 3),
        Double.NaN,
        List.of());
  }
}

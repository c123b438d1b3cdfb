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
  /**
   * Standard charging levels at 230 V: 1-phase 16 A, 1-phase 32 A, 3-phase 16 A (IEC 61851-1 mode
   * 3). The 2.3 kW mode-2 level is left out: it cannot be told from a heater element.
   */
  static final double[] EV_LEVELS_KW = {3.7, 7.4, 11.0};

  /** Smallest EV session energy counted: 5 kWh, about 30 km of driving. */
  static final double MIN_SESSION_KWH = 5;

  private ApplianceDetectors() {}

  public static List<ApplianceDetection> detectAll(
      LoadProfile p,
      LoadProfile.DailyTotals daily,
      BaseLoad base,
      Consumption.WeatherSensitivity weather,
      double[] exportKw,
      Hemisphere hemi) {
    List<ApplianceDetection> out = new ArrayList<>();
    out.add(ev(p));
    out.add(PvDetector.detect(p, base, exportKw));
    out.add(WaterHeaterDetector.detect(p));
    out.addAll(SeasonalDetector.detect(p, daily, weather, hemi));
    out.add(refrigeration(base));
    return out;
  }

  /**
   * Flat plateaus of at least 3 kW, 1.5 h and 5 kWh whose power snaps to a standard charging level.
   */
  public static ApplianceDetection ev(LoadProfile p) {
    int minIntervals = Math.max(2, (int) Math.ceil(5400.0 / p.intervalSeconds));
    List<Blocks.Block> blocks = Blocks.find(p, 3.0, minIntervals);
    List<Blocks.Block> sessions = new ArrayList<>();
    int matched = 0;
    for (Blocks.Block b : blocks) {
      boolean flat = b.spreadKw() <= 0.08 * b.kw() + 0.2;
      if (!flat || b.kw() > 22.5 || b.kwh() < MIN_SESSION_KWH) {
        continue;
      }
      sessions.add(b);
      if (nearestLevel(b.kw()) > 0) {
        matched++;
      }
    }
    double days = Math.max(1, p.validCount * p.hours / 24);
    if (sessions.isEmpty()) {
      return ApplianceDetection.of(
          ApplianceKind.EV_CHARGER,
          0,
          "no charging plateaus found",
          0,
          Double.NaN,
          0,
          Double.NaN,
          List.of());
    }
    double[] kw = sessions.stream().mapToDouble(Blocks.Block::kw).sorted().toArray();
    double typical = Stats.sortedPercentile(kw, 50);
    double kwh = sessions.stream().mapToDouble(Blocks.Block::kwh).sum();
    double hoursMean = sessions.stream().mapToDouble(b -> b.length() * p.hours).average().orElse(0);
    // Daily blocks at one start time and below 5 kW are the signature of a controlled water heater.
    double perDay = sessions.size() / days;
    double startSpreadH = startHourSpread(p, sessions);
    double waterHeaterLike = perDay > 0.7 && startSpreadH < 1.5 && typical < 5 ? 0.3 : 1;
    double count = Math.min(1, matched / 8.0);
    double snap = (double) matched / sessions.size();
    // 3.7 kW plateaus are also drawn by heaters and air conditioners; 7.4 and 11 kW rarely are.
    double level = typical >= 6 ? 1 : 0.65;
    double conf = count * snap * level * waterHeaterLike;
    double lvl = nearestLevel(typical);
    String evidence =
        String.format(
            Locale.ROOT,
            "%d plateaus at %.1f kW%s, mean %.1f h, %.1f kWh/session",
            sessions.size(),
            typical,
            lvl > 0 ? " (≈" + lvl + " kW level)" : "",
            hoursMean,
            kwh / sessions.size());
    return ApplianceDetection.of(
        ApplianceKind.EV_CHARGER,
        conf,
        evidence,
        sessions.size(),
        Stats.round(typical, 2),
        Stats.round(kwh / days, 3),
        Double.NaN,
        sample(p, sessions));
  }

  /** The standard level within 15 % of {@code kw}, or 0. */
  static double nearestLevel(double kw) {
    for (double l : EV_LEVELS_KW) {
      if (Math.abs(kw - l) <= 0.15 * l) {
        return l;
      }
    }
    return 0;
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

package io.loadlens.insights.internal;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.Consumption;
import io.loadlens.insights.Hemisphere;
import java.util.List;
import java.util.Locale;

/**
 * Space heating (heat pump or resistive) and air conditioning. With a temperature series: from the
 * degree-day regression (significant slope, the weather-driven share of energy). Without: winter
 * and summer daily energy against the shoulder seasons (spring, autumn), and for cooling the share
 * of the summer excess that falls in the afternoon and evening (12:00–20:00).
 */
public final class SeasonalDetector {
  /** Smallest seasonal excess, as a share of the spring/autumn level, whose shape is reported. */
  static final double MIN_EXCESS_SHARE = 0.05;

  private SeasonalDetector() {}

  public static List<ApplianceDetection> detect(
      LoadProfile p,
      LoadProfile.DailyTotals daily,
      Consumption.WeatherSensitivity weather,
      Hemisphere hemi) {
    if (weather != null && weather.days() >= 30) {
      return fromWeather(daily, weather);
    }
    return fromSeasons(p, daily, hemi);
  }

  static List<ApplianceDetection> fromWeather(
      LoadProfile.DailyTotals daily, Consumption.WeatherSensitivity w) {
    double mean = Stats.mean(completeDays(daily));
    double heatShare = w.kwhPerHeatingDegreeDay() * 5 / mean;
    double coolShare = w.kwhPerCoolingDegreeDay() * 3 / mean;
    double heat =
        w.kwhPerHeatingDegreeDay() > 0.2
            ? Math.min(1, heatShare / 0.3) * Math.sqrt(w.r2()) * 1.3
            : 0;
    double cool =
        w.kwhPerCoolingDegreeDay() > 0.2
            ? Math.min(1, coolShare / 0.2) * Math.sqrt(w.r2()) * 1.3
            : 0;
    return List.of(
        ApplianceDetection.of(
            ApplianceKind.HEAT_PUMP,
            heat,
            String.format(
                Locale.ROOT,
                "%.2f kWh per heating degree-day (R² %.2f over %d days)",
                w.kwhPerHeatingDegreeDay(),
                w.r2(),
                w.days()),
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            List.of()),
        ApplianceDetection.of(
            ApplianceKind.AIR_CONDITIONING,
            cool,
            String.format(
                Locale.ROOT,
                "%.2f kWh per cooling degree-day (R² %.2f over %d days)",
                w.kwhPerCoolingDegreeDay(),
                w.r2(),
                w.days()),
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            List.of()));
  }

  private static double[] completeDays(LoadProfile.DailyTotals daily) {
    double[] v = new double[daily.kwh().length];
    for (int d = 0; d < v.length; d++) {
      v[d] = daily.complete()[d] ? daily.kwh()[d] : Double.NaN;
    }
    return v;
  }

  static List<ApplianceDetection> fromSeasons(
      LoadProfile p, LoadProfile.DailyTotals daily, Hemisphere hemi) {
    // Per season: [kWh, days] and the summer/shoulder afternoon energy.
    double[][] acc = new double[4][2];
    double[] afternoon = new double[4];
    String[] names = {"winter", "spring", "summer", "autumn"};
    int[] seasonOfDay = new int[p.dayCount];
    for (int d = 0; d < p.dayCount; d++) {
      seasonOfDay[d] = List.of(names).indexOf(hemi.season(p.zone, p.dayMonth[d]));
      if (daily.complete()[d]) {
        acc[seasonOfDay[d]][0] += daily.kwh()[d];
        acc[seasonOfDay[d]][1]++;
      }
    }
    for (int i = 0; i < p.size(); i++) {
      int d = p.day[i];
      int h = p.hour(i);
      if (daily.complete()[d] && h >= 12 && h < 20 && !Double.isNaN(p.kw[i])) {
        afternoon[seasonOfDay[d]] += p.kw[i] * p.hours;
      }
    }
    double shoulderDays = acc[1][1] + acc[3][1];
    double shoulder = shoulderDays == 0 ? Double.NaN : (acc[1][0] + acc[3][0]) / shoulderDays;
    double shoulderAfternoon =
        shoulderDays == 0 ? Double.NaN : (afternoon[1] + afternoon[3]) / shoulderDays;
    double winter = acc[0][1] < 20 ? Double.NaN : acc[0][0] / acc[0][1];
    double summer = acc[2][1] < 20 ? Double.NaN : acc[2][0] / acc[2][1];
    boolean enough = shoulderDays >= 20;
    double heatRatio = enough ? winter / shoulder : Double.NaN;
    double coolRatio = enough ? summer / shoulder : Double.NaN;
    double summerAfternoon = acc[2][1] == 0 ? Double.NaN : afternoon[2] / acc[2][1];
    // The afternoon share of the summer excess exists only when there is an excess to share: below
    // 5 % of the shoulder level it is noise, and a share of it is meaningless.
    double summerExcess = summer - shoulder;
    double afternoonShare =
        summerExcess > MIN_EXCESS_SHARE * shoulder
            ? (summerAfternoon - shoulderAfternoon) / summerExcess
            : Double.NaN;
    double heat = Double.isNaN(heatRatio) ? 0 : (heatRatio - 1.15) / 0.5;
    double cool =
        Double.isNaN(coolRatio)
            ? 0
            : Double.isNaN(afternoonShare)
                ? 0
                : (coolRatio - 1.1) / 0.4 * Stats.clamp01(afternoonShare / 0.45);
    return List.of(
        ApplianceDetection.of(
            ApplianceKind.HEAT_PUMP,
            Stats.clamp01(heat) * 0.9,
            String.format(
                Locale.ROOT,
                "winter %.1f kWh/day vs spring/autumn %.1f (×%.2f), no temperature series",
                winter,
                shoulder,
                heatRatio),
            0,
            Double.NaN,
            Stats.round(Math.max(0, winter - shoulder) * acc[0][1] / Math.max(1, p.dayCount), 3),
            Double.NaN,
            List.of()),
        ApplianceDetection.of(
            ApplianceKind.AIR_CONDITIONING,
            Stats.clamp01(cool) * 0.9,
            String.format(
                Locale.ROOT,
                "summer %.1f kWh/day vs spring/autumn %.1f (×%.2f), %s",
                summer,
                shoulder,
                coolRatio,
                Double.isNaN(afternoonShare)
                    ? "no summer excess"
                    : String.format(
                        Locale.ROOT, "%.0f %% of the excess 12–20 h", 100 * afternoonShare)),
            0,
            Double.NaN,
            Stats.round(Math.max(0, summer - shoulder) * acc[2][1] / Math.max(1, p.dayCount), 3),
            Double.NaN,
            List.of()));
  }
}

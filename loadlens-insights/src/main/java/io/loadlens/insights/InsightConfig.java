package io.loadlens.insights;

import java.util.List;
import java.util.Objects;

/**
 * Settings for {@link InsightEngine}. Frozen once built; invalid values are rejected, never
 * clamped.
 *
 * @param tariffs tariffs to compare; the first is taken as the consumer's current tariff and prices
 *     the base load
 * @param topPeaks how many peak days to list
 * @param baseLoadPercentile percentile (0..50) of night-time demand taken as the always-on level
 * @param nightStartHour first local hour of the night window used for base load (inclusive)
 * @param nightEndHour local hour the night window ends (exclusive), may wrap midnight
 * @param hemisphere season convention
 * @param heatingBaseC heating degree-day reference temperature (°C); as in Eurostat's definition a
 *     day counts {@code heatingBaseC - Tmean} only when {@code Tmean <= heatingBaseC - 3}
 * @param coolingBaseC cooling degree-day reference temperature (°C); a day counts {@code Tmean -
 *     coolingBaseC} only when {@code Tmean >= coolingBaseC + 3}
 * @param battery the battery whose peak reduction is simulated
 * @param peakTargetFraction the peak cap, as a fraction of the observed peak, for battery sizing
 * @param includeHeatmap whether to include the day × interval-of-day matrix (large in JSON)
 * @param forecastBacktestDays how many final days to backtest the next-day forecast on
 */
public record InsightConfig(
    List<Tariff> tariffs,
    int topPeaks,
    double baseLoadPercentile,
    int nightStartHour,
    int nightEndHour,
    Hemisphere hemisphere,
    double heatingBaseC,
    double coolingBaseC,
    Battery battery,
    double peakTargetFraction,
    boolean includeHeatmap,
    int forecastBacktestDays) {

  public InsightConfig {
    tariffs = List.copyOf(tariffs);
    if (tariffs.isEmpty()) {
      throw new IllegalArgumentException("tariffs: at least one tariff is needed");
    }
    Objects.requireNonNull(hemisphere, "hemisphere");
    Objects.requireNonNull(battery, "battery");
    if (topPeaks < 1 || topPeaks > 366) {
      throw new IllegalArgumentException("topPeaks must be in 1..366, got " + topPeaks);
    }
    if (!(baseLoadPercentile > 0 && baseLoadPercentile <= 50)) {
      throw new IllegalArgumentException(
          "baseLoadPercentile must be in (0, 50], got " + baseLoadPercentile);
    }
    if (nightStartHour < 0 || nightStartHour > 23 || nightEndHour < 0 || nightEndHour > 24) {
      throw new IllegalArgumentException(
          "night hours must be in 0..23 / 0..24, got " + nightStartHour + ".." + nightEndHour);
    }
    if (!(peakTargetFraction > 0 && peakTargetFraction < 1)) {
      throw new IllegalArgumentException(
          "peakTargetFraction must be in (0, 1), got " + peakTargetFraction);
    }
    if (forecastBacktestDays < 0) {
      throw new IllegalArgumentException(
          "forecastBacktestDays must be >= 0, got " + forecastBacktestDays);
    }
  }

  /**
   * Defaults: a flat 0.30 €/kWh tariff (current), a day/night time-of-use tariff (peak 07–22 on
   * weekdays at 0.36, else 0.22) and a capacity tariff (4.00 €/kW-month, minimum 2.5 kW, energy
   * 0.24 €/kWh); base load as the 10th percentile of demand between 00:00 and 05:00; Eurostat
   * degree-day references (heating 18 °C counted below 15 °C, cooling 21 °C counted above 24 °C); a
   * 10 kWh / 5 kW battery at 90 % round trip; battery sizing for a cap at 80 % of the peak;
   * heat-map off; 28 backtest days.
   */
  public static InsightConfig defaults() {
    return new InsightConfig(
        List.of(
            new Tariff.Flat("flat", 0.30),
            new Tariff.TimeOfUse(
                "day/night",
                List.of(new Tariff.Window("peak", 7 * 60, 22 * 60, true, 0.36)),
                "off-peak",
                0.22),
            new Tariff.Capacity("capacity", 4.00, 2.5, 0.24)),
        5,
        10,
        0,
        5,
        Hemisphere.AUTO,
        18,
        21,
        new Battery(10, 5, 0.9),
        0.8,
        false,
        28);
  }

  public InsightConfig withTariffs(List<Tariff> t) {
    return new InsightConfig(
        t,
        topPeaks,
        baseLoadPercentile,
        nightStartHour,
        nightEndHour,
        hemisphere,
        heatingBaseC,
        coolingBaseC,
        battery,
        peakTargetFraction,
        includeHeatmap,
        forecastBacktestDays);
  }

  public InsightConfig withHeatmap(boolean on) {
    return new InsightConfig(
        tariffs,
        topPeaks,
        baseLoadPercentile,
        nightStartHour,
        nightEndHour,
        hemisphere,
        heatingBaseC,
        coolingBaseC,
        battery,
        peakTargetFraction,
        on,
        forecastBacktestDays);
  }

  public InsightConfig withBattery(Battery b) {
    return new InsightConfig(
        tariffs,
        topPeaks,
        baseLoadPercentile,
        nightStartHour,
        nightEndHour,
        hemisphere,
        heatingBaseC,
        coolingBaseC,
        b,
        peakTargetFraction,
        includeHeatmap,
        forecastBacktestDays);
  }
}

package io.loadlens.insights;

import java.util.List;

/**
 * How much energy a consumer uses and when.
 *
 * @param totalKwh energy over all present intervals
 * @param averageKwhPerDay mean over complete days (at least 90 % of intervals present)
 * @param annualisedKwh {@code averageKwhPerDay * 365}
 * @param firstDay the local date of {@code dailyKwh[0]}
 * @param dailyKwh energy per local day; {@code NaN} for incomplete days
 * @param weekly totals per ISO week ({@code 2013-W05})
 * @param monthly totals per calendar month ({@code 2013-01})
 * @param seasonal totals per meteorological season ({@code 2013 summer}; December counts with the
 *     following January)
 * @param typicalDays mean demand per interval of day for weekdays, weekends and each season
 * @param heatmap day × interval-of-day demand, or {@code null} when not requested
 * @param trend linear trend and year-on-year change
 * @param weather degree-day regression, or {@code null} without a temperature series
 */
public record Consumption(
    double totalKwh,
    double averageKwhPerDay,
    double annualisedKwh,
    String firstDay,
    double[] dailyKwh,
    List<PeriodTotal> weekly,
    List<PeriodTotal> monthly,
    List<PeriodTotal> seasonal,
    List<TypicalDay> typicalDays,
    Heatmap heatmap,
    Trend trend,
    WeatherSensitivity weather) {

  /**
   * Energy in one period.
   *
   * @param coverage share of the period's intervals that were present (0..1)
   */
  public record PeriodTotal(String period, double kwh, int days, double coverage) {}

  /** Mean demand (kW) per interval of the local day, averaged over {@code days} days. */
  public record TypicalDay(String label, int days, double[] kwBySlot) {}

  /** Demand (kW) as {@code kw[day][intervalOfDay]}, {@code NaN} where missing. */
  public record Heatmap(String firstDay, int slotMinutes, double[][] kw) {}

  /**
   * @param slopeKwhPerDayPerYear least-squares slope of daily energy over time
   * @param slopePercentPerYear the slope relative to the mean daily energy
   * @param yearOnYearChangePercent mean daily energy of the last 365 days against the 365 before,
   *     {@code NaN} when less than two half-covered years exist
   */
  public record Trend(
      double slopeKwhPerDayPerYear, double slopePercentPerYear, double yearOnYearChangePercent) {}

  /**
   * Daily energy regressed on heating and cooling degree-days: {@code kWh = base + a·HDD + b·CDD}.
   */
  public record WeatherSensitivity(
      double baseKwhPerDay,
      double kwhPerHeatingDegreeDay,
      double kwhPerCoolingDegreeDay,
      double r2,
      int days,
      double heatingBaseC,
      double coolingBaseC) {}
}

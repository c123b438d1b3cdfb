package io.loadlens.insights;

import java.util.List;

/**
 * Demand peaks. Demand is average power over a demand window: 15 minutes when the series' interval
 * divides 15 minutes (the window capacity tariffs bill), else the series' own interval. Only
 * measured (valid or edited) intervals count; estimated values never set a peak.
 *
 * @param maxKw the highest demand
 * @param maxAt when it started (local time with offset)
 * @param demandWindowMinutes the demand window used
 * @param topPeaks the highest demand of the highest days, one per day
 * @param dailyPeakHourHistogram for each local hour 0..23, on how many days the daily maximum fell
 *     in it
 * @param monthlyPeaks each calendar month's highest demand, as a capacity tariff bills it
 */
public record Peaks(
    double maxKw,
    String maxAt,
    int demandWindowMinutes,
    List<Peak> topPeaks,
    int[] dailyPeakHourHistogram,
    List<MonthlyPeak> monthlyPeaks) {

  public record Peak(String at, double kw) {}

  public record MonthlyPeak(String month, double peakKw, String at) {}
}

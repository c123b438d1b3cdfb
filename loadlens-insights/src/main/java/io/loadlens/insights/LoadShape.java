package io.loadlens.insights;

/**
 * Shape metrics of the load.
 *
 * @param averageKw mean demand over present intervals
 * @param loadFactor average / peak demand (0..1) at the series' interval
 * @param peakToAverage peak / average demand
 * @param maxRampUpKwPerHour steepest rise between consecutive intervals
 * @param maxRampDownKwPerHour steepest fall (a positive number)
 * @param p95AbsRampKwPerHour 95th percentile of the absolute change per hour
 * @param dailyEnergyCv coefficient of variation of complete days' energy
 * @param meanDailyLoadFactor mean over complete days of (day's mean / day's max)
 */
public record LoadShape(
    double averageKw,
    double loadFactor,
    double peakToAverage,
    double maxRampUpKwPerHour,
    double maxRampDownKwPerHour,
    double p95AbsRampKwPerHour,
    double dailyEnergyCv,
    double meanDailyLoadFactor) {}

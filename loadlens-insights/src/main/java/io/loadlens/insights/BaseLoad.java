package io.loadlens.insights;

/**
 * Always-on consumption: a low percentile of demand in the night window, robust to single zero or
 * noisy intervals.
 *
 * @param baseLoadW the always-on level in W
 * @param percentile the percentile used
 * @param nightStartHour the night window's first local hour
 * @param nightEndHour the hour the night window ends
 * @param nightIntervals how many night intervals it was computed from
 * @param yearlyKwh {@code baseLoadW × 8760 h / 1000}
 * @param yearlyCostEur {@code yearlyKwh} at the current tariff's mean price per kWh for this
 *     consumer
 * @param shareOfConsumption base load energy / mean consumption
 */
public record BaseLoad(
    double baseLoadW,
    double percentile,
    int nightStartHour,
    int nightEndHour,
    int nightIntervals,
    double yearlyKwh,
    double yearlyCostEur,
    double shareOfConsumption) {}

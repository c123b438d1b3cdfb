package io.loadlens.insights;

/**
 * Load that could move and the battery that would shave the peak.
 *
 * @param movableKwhPerDay energy per day in detected movable loads (EV charging, water heating)
 * @param movableShare that energy over the mean daily consumption
 * @param peakKw the observed peak demand at the series' interval
 * @param targetPeakKw the cap the battery sizing aims for
 * @param requiredBatteryKwh usable energy a battery needs to hold every interval at or below the
 *     target (starting full, recharging below the cap at the configured efficiency)
 * @param requiredBatteryKw the power it needs
 * @param batteryKwh capacity of the configured battery
 * @param batteryKw power of the configured battery
 * @param peakWithBatteryKw the lowest cap that battery holds over the whole series
 * @param peakReductionKw {@code peakKw - peakWithBatteryKw}
 */
public record Flexibility(
    double movableKwhPerDay,
    double movableShare,
    double peakKw,
    double targetPeakKw,
    double requiredBatteryKwh,
    double requiredBatteryKw,
    double batteryKwh,
    double batteryKw,
    double peakWithBatteryKw,
    double peakReductionKw) {}

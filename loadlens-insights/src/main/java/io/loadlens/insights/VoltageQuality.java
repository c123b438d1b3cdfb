package io.loadlens.insights;

/**
 * Supply voltage against EN 50160:2010 clause 4.2.2 (LV supply voltage variations): during each
 * week 95 % of the 10-minute mean r.m.s. values within Un ± 10 %, and all within Un + 10 % / − 15
 * %. Indicative only: meter interval values are not the class A measurements (IEC 61000-4-30) the
 * standard assumes, and the week statistic is computed on whatever averaging the meter stored.
 *
 * @param obis the voltage channel
 * @param nominalV Un (230 V, EN 50160 clause 3.x and IEC 60038)
 * @param weeksAssessed weeks with at least one value
 * @param weeksCompliant weeks with at least 95 % of values within ± 10 %
 * @param worstWeekShareWithin the lowest weekly share within ± 10 %
 * @param minV lowest value
 * @param maxV highest value
 * @param sags runs of consecutive values below 90 % of Un
 * @param swells runs of consecutive values above 110 % of Un
 * @param outsideHardLimits values outside +10 % / −15 %
 * @param compliant every week compliant and no value outside the hard limits
 */
public record VoltageQuality(
    String obis,
    double nominalV,
    int weeksAssessed,
    int weeksCompliant,
    double worstWeekShareWithin,
    double minV,
    double maxV,
    int sags,
    int swells,
    int outsideHardLimits,
    boolean compliant,
    String note) {}

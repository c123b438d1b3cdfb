package io.loadlens.insights;

/**
 * Next-day demand forecast and its backtest.
 *
 * @param method how it was made
 * @param forDay the local date forecast
 * @param kwBySlot forecast mean demand per interval of that day
 * @param backtestDays days the method was backtested on (each forecast from earlier data only)
 * @param mapePercent mean absolute percentage error over intervals whose actual demand is at least
 *     10 % of the mean (smaller values make percentages meaningless)
 * @param nmaePercent mean absolute error divided by the range (max − min) of actual demand over the
 *     backtest days
 * @param wapePercent weighted absolute percentage error: the sum of absolute interval errors over
 *     the sum of actual interval energy (stays meaningful where single intervals are near zero)
 * @param dailyMapePercent mean absolute percentage error of each backtest day's energy, the usual
 *     household-level figure
 */
public record Forecast(
    String method,
    String forDay,
    double[] kwBySlot,
    int backtestDays,
    double mapePercent,
    double nmaePercent,
    double wapePercent,
    double dailyMapePercent) {}

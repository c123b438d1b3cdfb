package io.loadlens.insights;

import java.util.List;

/**
 * Everything {@link InsightEngine} found for one consumer. Plain immutable data: serialises to JSON
 * as is. Demand in kW, energy in kWh, power of always-on loads in W, money in the tariffs' currency
 * (€), times as local ISO-8601 with offset. {@code NaN} means "not computable from this data".
 *
 * @param meterId the meter
 * @param zone the IANA time zone used for local days and hours
 * @param intervalMinutes the series' interval
 * @param firstDay first local date with data
 * @param lastDay last local date with data
 * @param days local days spanned
 * @param presentShare share of intervals with a value
 * @param estimatedShare share of present intervals that VEE estimated
 * @param voltage one entry per voltage channel given (empty without voltages)
 * @param headline short sentences for a summary, most important first
 */
public record ConsumerInsights(
    String meterId,
    String zone,
    int intervalMinutes,
    String firstDay,
    String lastDay,
    int days,
    double presentShare,
    double estimatedShare,
    Consumption consumption,
    Peaks peaks,
    BaseLoad baseLoad,
    LoadShape loadShape,
    TariffComparison tariffs,
    List<ApplianceDetection> appliances,
    Flexibility flexibility,
    List<Anomaly> anomalies,
    List<VoltageQuality> voltage,
    Forecast forecast,
    List<String> headline) {

  public ConsumerInsights {
    appliances = List.copyOf(appliances);
    anomalies = List.copyOf(anomalies);
    voltage = List.copyOf(voltage);
    headline = List.copyOf(headline);
  }

  /** The detection for one appliance kind (every kind is always present). */
  public ApplianceDetection appliance(ApplianceKind kind) {
    return appliances.stream()
        .filter(a -> a.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no detection for " + kind));
  }
}

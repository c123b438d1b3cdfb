package io.loadlens.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short sentences for the CLI summary and the report. */
final class Headlines {
  private Headlines() {}

  static List<String> of(ConsumerInsights c) {
    List<String> h = new ArrayList<>();
    h.add(
        String.format(
            Locale.ROOT,
            "%.0f kWh/year (%.1f kWh/day), peak %.2f kW at %s",
            c.consumption().annualisedKwh(),
            c.consumption().averageKwhPerDay(),
            c.peaks().maxKw(),
            c.peaks().maxAt()));
    h.add(
        String.format(
            Locale.ROOT,
            "Always-on %.0f W: %.0f kWh and %.0f € a year",
            c.baseLoad().baseLoadW(),
            c.baseLoad().yearlyKwh(),
            c.baseLoad().yearlyCostEur()));
    for (ApplianceDetection a : c.appliances()) {
      if (a.detected() && a.kind() != ApplianceKind.REFRIGERATION_BASE) {
        h.add(
            String.format(
                Locale.ROOT,
                "%s detected (%.0f %%): %s",
                label(a.kind()),
                100 * a.confidence(),
                a.evidence()));
      }
    }
    TariffComparison t = c.tariffs();
    if (t.savingEurPerYear() > 0) {
      h.add(
          String.format(
              Locale.ROOT,
              "Tariff '%s' would save %.0f € a year against '%s'",
              t.cheapestTariff(),
              t.savingEurPerYear(),
              t.currentTariff()));
    }
    Flexibility f = c.flexibility();
    if (f.peakReductionKw() > 0.05) {
      h.add(
          String.format(
              Locale.ROOT,
              "A %.0f kWh / %.0f kW battery would cut the peak by %.2f kW",
              f.batteryKwh(),
              f.batteryKw(),
              f.peakReductionKw()));
    }
    for (Anomaly a : c.anomalies()) {
      if (a.kind() != AnomalyKind.UNUSUAL_DAY && a.score() >= 0.5) {
        h.add(
            a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " "
                + a.from()
                + ": "
                + a.description());
      }
    }
    for (VoltageQuality v : c.voltage()) {
      h.add(
          String.format(
              Locale.ROOT,
              "Voltage %s: %s EN 50160 (indicative), %d sags, %d swells",
              v.obis(),
              v.compliant() ? "within" : "outside",
              v.sags(),
              v.swells()));
    }
    return h;
  }

  static String label(ApplianceKind k) {
    return switch (k) {
      case EV_CHARGER -> "EV charging";
      case ROOFTOP_PV -> "Rooftop PV";
      case WATER_HEATER -> "Electric water heater";
      case HEAT_PUMP -> "Electric space heating / heat pump";
      case AIR_CONDITIONING -> "Air conditioning";
      case REFRIGERATION_BASE -> "Refrigeration / always-on";
    };
  }
}

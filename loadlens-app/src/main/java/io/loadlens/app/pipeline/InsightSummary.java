package io.loadlens.app.pipeline;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.fleet.FleetInsights;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The few lines of insights a person reads first: fleet peak, segments, appliances, anomalies. */
public final class InsightSummary {
  private InsightSummary() {}

  public static void print(
      PrintWriter out, List<InsightStage.Analysed> consumers, Optional<FleetInsights> fleet) {
    fleet.ifPresent(
        f -> {
          FleetInsights.AggregateLoad a = f.aggregate();
          out.printf(
              Locale.ROOT,
              "Fleet peak: %.1f kW at %s (diversity factor %.2f)%n",
              a.coincidentPeakKw(),
              a.coincidentPeakAt(),
              a.diversityFactor());
          StringBuilder seg = new StringBuilder();
          for (FleetInsights.Segment s : f.segmentation().segments()) {
            if (!seg.isEmpty()) {
              seg.append(", ");
            }
            seg.append(s.label()).append(" (").append(s.size()).append(')');
          }
          out.printf("Segments (%s): %s%n", f.segmentation().criterion(), seg);
        });
    Map<ApplianceKind, Integer> detected = new EnumMap<>(ApplianceKind.class);
    int anomalies = 0;
    for (InsightStage.Analysed a : consumers) {
      ConsumerInsights c = a.insights();
      for (ApplianceDetection d : c.appliances()) {
        if (d.detected()) {
          detected.merge(d.kind(), 1, Integer::sum);
        }
      }
      anomalies += c.anomalies().size();
    }
    StringBuilder app = new StringBuilder();
    detected.forEach(
        (k, n) -> app.append(app.isEmpty() ? "" : ", ").append(name(k)).append(' ').append(n));
    out.println("Detected appliances: " + (app.isEmpty() ? "none" : app));
    out.println("Anomalies flagged: " + anomalies + " across " + consumers.size() + " consumers");
    out.flush();
  }

  private static String name(ApplianceKind k) {
    return switch (k) {
      case EV_CHARGER -> "EV chargers";
      case ROOFTOP_PV -> "rooftop PV";
      case WATER_HEATER -> "electric water heaters";
      case HEAT_PUMP -> "heat pumps / electric heating";
      default -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}

package io.loadlens.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loadlens.server.api.MeterOperations.InsightView;
import io.loadlens.server.api.MeterOperations.MeterView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a {@link FleetReport} from the report operations' answers: the fleet overview and
 * aggregate, the fleet insight documents and the consumers' insight documents.
 */
final class FleetReportReader {

  /** The fleet insight document kind that holds the aggregate and the segmentation. */
  static final String FLEET_KIND = "fleet";

  private FleetReportReader() {}

  /** A period {@code [from, to)}. */
  record Period(Instant from, Instant to) {}

  /**
   * The period the fleet insights were computed over (their aggregate's grid), if a fleet document
   * says.
   */
  static Optional<Period> analysedPeriod(List<InsightView> fleetDocs) {
    return fleetDoc(fleetDocs)
        .flatMap(
            d -> {
              Optional<Instant> start = JsonPaths.instant(d, "aggregate", "start");
              double step = JsonPaths.number(d, "aggregate", "stepMinutes");
              int n = JsonPaths.numbers(d, "aggregate", "kw").length;
              if (start.isEmpty() || !(step > 0) || n == 0) {
                return Optional.empty();
              }
              return Optional.of(
                  new Period(start.get(), start.get().plusSeconds((long) (n * step * 60))));
            });
  }

  static FleetReport read(
      ReportSource.Fleet fleet,
      ReportSource.Consumers consumers,
      long rawRows,
      Instant generated,
      int topN) {
    ZoneId zone = zone(consumers.meters());
    Optional<JsonNode> doc = fleetDoc(fleet.insights());
    FleetReport.Curve load = doc.flatMap(FleetReportReader::gridCurve).orElse(null);
    if (load == null) {
      load = aggregateCurve(fleet.aggregate());
    }
    Map<String, Object> o = fleet.overview();
    ConsumerFigures figures = ConsumerFigures.of(consumers.documents());
    FleetReport.Summary summary =
        new FleetReport.Summary(
            ((Number) o.get("meters")).intValue(),
            ((Number) o.get("metersRead")).longValue(),
            rawRows,
            (Instant) o.get("from"),
            (Instant) o.get("to"),
            ((Number) o.get("completenessMean")).doubleValue(),
            peak(doc, load),
            consumers.documents().size(),
            figures.appliances(),
            figures.anomalies());
    List<String> notes = new ArrayList<>(fleet.notes());
    notes.addAll(consumers.notes());
    @SuppressWarnings("unchecked")
    Map<String, Long> failures = (Map<String, Long>) o.get("failuresByCode");
    List<String> headline = new ArrayList<>();
    doc.flatMap(d -> JsonPaths.at(d, "headline"))
        .ifPresent(h -> h.forEach(s -> headline.add(s.asText())));
    return new FleetReport(
        zone,
        generated,
        summary,
        load,
        DailyShapes.of(load, zone),
        segments(fleet.insights(), doc),
        figures.top(topN),
        failures,
        headline,
        notes);
  }

  /** The zone most meters are in (the first in id order on a tie); UTC without meters. */
  static ZoneId zone(List<MeterView> meters) {
    Map<String, Long> count =
        meters.stream().collect(Collectors.groupingBy(MeterView::zone, Collectors.counting()));
    return meters.stream()
        .map(MeterView::zone)
        .max(Comparator.comparingLong(count::get))
        .map(ZoneId::of)
        .orElse(ZoneOffset.UTC);
  }

  private static Optional<JsonNode> fleetDoc(List<InsightView> docs) {
    return docs.stream()
        .filter(d -> d.kind().equals(FLEET_KIND) && d.document().isObject())
        .map(InsightView::document)
        .findFirst();
  }

  /** The fleet insights' aggregate: kW on the analysis grid. */
  private static Optional<FleetReport.Curve> gridCurve(JsonNode doc) {
    Optional<Instant> start = JsonPaths.instant(doc, "aggregate", "start");
    double stepMinutes = JsonPaths.number(doc, "aggregate", "stepMinutes");
    double[] kw = JsonPaths.numbers(doc, "aggregate", "kw");
    if (start.isEmpty() || !(stepMinutes > 0) || kw.length == 0) {
      return Optional.empty();
    }
    int step = (int) Math.round(stepMinutes * 60);
    long[] t = new long[kw.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = start.get().getEpochSecond() + (long) i * step;
    }
    return Optional.of(new FleetReport.Curve(t, kw, step));
  }

  /** The {@code fleet.aggregate} answer (energy per bucket) as mean demand in kW. */
  static FleetReport.Curve aggregateCurve(Map<String, Object> aggregate) {
    long[] t = (long[]) aggregate.get("t");
    double[] v = (double[]) aggregate.get("v");
    int bucket = ((Number) aggregate.get("bucketSeconds")).intValue();
    double toKwh = "kWh".equals(aggregate.get("unit")) ? 1 : 1e-3;
    double[] kw = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      kw[i] = v[i] * toKwh * 3600.0 / bucket;
    }
    return new FleetReport.Curve(t, kw, bucket);
  }

  /** The fleet insights' coincident peak, else the highest point of the curve. */
  private static Optional<FleetReport.Peak> peak(Optional<JsonNode> doc, FleetReport.Curve load) {
    if (doc.isPresent()) {
      JsonNode d = doc.get();
      double kw = JsonPaths.number(d, "aggregate", "coincidentPeakKw");
      if (!Double.isNaN(kw)) {
        return Optional.of(
            new FleetReport.Peak(
                kw,
                JsonPaths.instant(d, "aggregate", "coincidentPeakAt"),
                JsonPaths.number(d, "aggregate", "diversityFactor")));
      }
      kw = JsonPaths.number(d, "coincidentPeak", "kw");
      if (!Double.isNaN(kw)) {
        return Optional.of(
            new FleetReport.Peak(kw, JsonPaths.instant(d, "coincidentPeak", "time"), Double.NaN));
      }
    }
    int best = -1;
    for (int i = 0; i < load.size(); i++) {
      if (!Double.isNaN(load.kw()[i]) && (best < 0 || load.kw()[i] > load.kw()[best])) {
        best = i;
      }
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(
            new FleetReport.Peak(
                load.kw()[best],
                Optional.of(Instant.ofEpochSecond(load.epochSeconds()[best])),
                Double.NaN));
  }

  /** The segments of the fleet document, else of a {@code segments} document. */
  private static List<FleetReport.SegmentRow> segments(
      List<InsightView> docs, Optional<JsonNode> fleetDoc) {
    JsonNode list =
        fleetDoc
            .flatMap(d -> JsonPaths.at(d, "segmentation", "segments"))
            .or(
                () ->
                    docs.stream()
                        .filter(d -> d.kind().equals("segments"))
                        .map(InsightView::document)
                        .findFirst())
            .filter(JsonNode::isArray)
            .orElse(null);
    List<FleetReport.SegmentRow> out = new ArrayList<>();
    if (list != null) {
      for (JsonNode s : list) {
        double size = JsonPaths.number(s, "size");
        double peakHour = JsonPaths.number(s, "peakHour");
        out.add(
            new FleetReport.SegmentRow(
                JsonPaths.text(s, "label").orElse("segment " + out.size()),
                Double.isNaN(size) ? 0 : (int) size,
                Double.isNaN(peakHour) ? -1 : (int) peakHour,
                JsonPaths.number(s, "meanAnnualKwh"),
                JsonPaths.numbers(s, "centroidShape")));
      }
    }
    return out;
  }

  /** Figures counted over the consumers' insight documents. */
  private record ConsumerFigures(
      List<FleetReport.ConsumerRow> rows, Map<String, Integer> appliances, int anomalies) {

    static ConsumerFigures of(List<InsightView> docs) {
      List<FleetReport.ConsumerRow> rows = new ArrayList<>();
      Map<String, Integer> appliances = new TreeMap<>();
      int anomalies = 0;
      for (InsightView v : docs) {
        JsonNode d = v.document();
        rows.add(row(v.subject(), d));
        for (JsonNode a :
            JsonPaths.at(d, "appliances")
                .filter(JsonNode::isArray)
                .orElse(MissingNode.getInstance())) {
          if (detected(a)) {
            appliances.merge(applianceName(a), 1, Integer::sum);
          }
        }
        anomalies +=
            JsonPaths.at(d, "anomalies").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
      }
      return new ConsumerFigures(rows, appliances, anomalies);
    }

    List<FleetReport.ConsumerRow> top(int n) {
      return rows.stream()
          .filter(r -> !Double.isNaN(r.peakKw()))
          .sorted(
              Comparator.comparingDouble(FleetReport.ConsumerRow::peakKw)
                  .reversed()
                  .thenComparing(FleetReport.ConsumerRow::meter))
          .limit(n)
          .toList();
    }

    private static FleetReport.ConsumerRow row(String meter, JsonNode d) {
      double peak = JsonPaths.number(d, "peaks", "maxKw");
      Optional<Instant> at = JsonPaths.instant(d, "peaks", "maxAt");
      double base = JsonPaths.number(d, "baseLoad", "baseLoadW");
      double lf = JsonPaths.number(d, "loadShape", "loadFactor");
      return new FleetReport.ConsumerRow(
          meter, peak, at, base, lf, JsonPaths.number(d, "consumption", "annualisedKwh"));
    }

    private static boolean detected(JsonNode a) {
      Optional<JsonNode> flag = JsonPaths.at(a, "detected");
      if (flag.isPresent()) {
        return flag.get().asBoolean();
      }
      return JsonPaths.number(a, "confidence") >= 0.5;
    }
  }

  private static final Map<String, String> APPLIANCE_NAMES =
      Map.of(
          "EV_CHARGER", "EV chargers",
          "ROOFTOP_PV", "rooftop PV",
          "WATER_HEATER", "electric water heaters",
          "HEAT_PUMP", "heat pumps / electric heating",
          "AIR_CONDITIONING", "air conditioning",
          "REFRIGERATION_BASE", "refrigeration base");

  private static String applianceName(JsonNode a) {
    String kind =
        JsonPaths.text(a, "kind").or(() -> JsonPaths.text(a, "name")).orElse("unnamed appliance");
    return APPLIANCE_NAMES.getOrDefault(kind, kind.toLowerCase(Locale.ROOT).replace('_', ' '));
  }
}

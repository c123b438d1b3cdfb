package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.server.api.MeterOperations.InsightView;
import io.loadlens.server.api.MeterOperations.MeterView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetReportReaderTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static InsightView doc(String subject, String kind, String json) throws Exception {
    return new InsightView(subject, kind, Instant.EPOCH, JSON.readTree(json));
  }

  static MeterView meter(String id, String zone) {
    return new MeterView(id, "g", "f", "t", 9, zone, Map.of());
  }

  @Test
  void aggregateEnergyPerBucketBecomesMeanDemandInKilowatts() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("unit", "Wh");
    a.put("bucketSeconds", 900L);
    a.put("t", new long[] {0, 900});
    a.put("v", new double[] {250, 1000});
    FleetReport.Curve c = FleetReportReader.aggregateCurve(a);
    assertThat(c.kw()).containsExactly(1.0, 4.0);
    assertThat(c.stepSeconds()).isEqualTo(900);
  }

  @Test
  void theFleetZoneIsTheZoneMostMetersAreIn() {
    assertThat(
            FleetReportReader.zone(
                List.of(
                    meter("A", "UTC"),
                    meter("B", "Europe/Brussels"),
                    meter("C", "Europe/Brussels"))))
        .isEqualTo(ZoneId.of("Europe/Brussels"));
    assertThat(FleetReportReader.zone(List.of())).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void theAnalysedPeriodIsTheFleetAggregateGrid() throws Exception {
    var period =
        FleetReportReader.analysedPeriod(
            List.of(
                doc("fleet", "segments", "[]"),
                doc(
                    "fleet",
                    "fleet",
                    "{\"aggregate\":{\"start\":\"2024-01-01T00:00:00Z\",\"stepMinutes\":15,"
                        + "\"kw\":[1,2,3,4]}}")));
    assertThat(period)
        .contains(
            new FleetReportReader.Period(
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T01:00:00Z")));
    assertThat(FleetReportReader.analysedPeriod(List.of(doc("fleet", "fleet", "{\"x\":1}"))))
        .isEmpty();
  }

  @Test
  void consumerDocumentsOfAnotherShapeGiveUnknownFiguresNotErrors() throws Exception {
    Map<String, Object> overview = new LinkedHashMap<>();
    overview.put("from", Instant.parse("2024-01-01T00:00:00Z"));
    overview.put("to", Instant.parse("2024-01-02T00:00:00Z"));
    overview.put("meters", 2);
    overview.put("metersRead", 2L);
    overview.put("completenessMean", 1.0);
    overview.put("failuresByCode", Map.of());
    Map<String, Object> aggregate = new LinkedHashMap<>();
    aggregate.put("unit", "Wh");
    aggregate.put("bucketSeconds", 3600L);
    aggregate.put("t", new long[0]);
    aggregate.put("v", new double[0]);
    var fleet = new ReportSource.Fleet(overview, aggregate, List.of(), List.of());
    var consumers =
        new ReportSource.Consumers(
            List.of(meter("A", "UTC"), meter("B", "UTC")),
            List.of(
                doc(
                    "A",
                    "consumer",
                    "{\"peaks\":{\"maxKw\":3.5,\"maxAt\":\"2024-01-01T18:00+01:00\"},"
                        + "\"baseLoad\":{\"baseLoadW\":\"NaN\"},"
                        + "\"appliances\":[{\"kind\":\"EV_CHARGER\",\"detected\":true},"
                        + "{\"kind\":\"ROOFTOP_PV\",\"detected\":false}],"
                        + "\"anomalies\":[{},{}]}"),
                doc("B", "consumer", "{\"peaks\":[1,2],\"appliances\":\"none\"}")),
            List.of());
    FleetReport r = FleetReportReader.read(fleet, consumers, 10, Instant.EPOCH, 5);
    assertThat(r.topConsumers()).hasSize(1);
    FleetReport.ConsumerRow a = r.topConsumers().get(0);
    assertThat(a.peakKw()).isEqualTo(3.5);
    assertThat(a.peakAt()).contains(Instant.parse("2024-01-01T17:00:00Z"));
    assertThat(a.baseLoadW()).isNaN();
    assertThat(a.loadFactor()).isNaN();
    assertThat(r.summary().appliances()).containsExactly(Map.entry("EV chargers", 1));
    assertThat(r.summary().anomalies()).isEqualTo(2);
    assertThat(r.summary().consumersAnalysed()).isEqualTo(2);
    assertThat(r.summary().peak()).isEmpty();
  }
}

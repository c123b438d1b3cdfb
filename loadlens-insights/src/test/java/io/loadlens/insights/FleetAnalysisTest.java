package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetAnalysisTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final ZoneId Z = Synthetic.BRUSSELS;
  private static final int DAYS = 42;

  /** Three shapes by construction: peaks at 19:00, 07:00 and 02:00, 12 consumers each. */
  private static List<ConsumerProfileSummary> fleet(FleetGrid grid) {
    List<ConsumerProfileSummary> out = new ArrayList<>();
    int[] peakHours = {19, 7, 2};
    for (int g = 0; g < 3; g++) {
      for (int m = 0; m < 12; m++) {
        int peak = peakHours[g];
        double scale = 1 + 0.05 * m;
        ValidatedSeries s =
            Synthetic.series(
                "g" + g + "m" + m,
                START,
                DAYS,
                3600,
                Z,
                (t, i) -> scale * (0.2 + (Math.abs(t.getHour() - peak) <= 1 ? 2.0 : 0)));
        ConsumerInsights ci =
            InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
        out.add(ConsumerProfileSummary.of(s, ci, g == 0 ? "F1" : "F2", grid));
      }
    }
    return out;
  }

  @Test
  void segmentsConsumersByShapeAndLabelsTheSegments() {
    FleetGrid grid = new FleetGrid(START.atStartOfDay(Z).toEpochSecond(), 3600, DAYS * 24);
    FleetInsights f = FleetAnalysis.analyse(fleet(grid), FleetConfig.defaults(grid, Z));
    assertThat(f.segmentation().k()).isEqualTo(3);
    assertThat(f.segmentation().silhouette()).isGreaterThan(0.9);
    assertThat(f.segmentation().segments())
        .extracting(FleetInsights.Segment::label)
        // A 2 kW block 01:00–04:00 every night is the controlled water-heater signature.
        .containsExactlyInAnyOrder("evening peakers", "morning peakers", "off-peak night heaters");
    assertThat(f.segmentation().segments()).allSatisfy(s -> assertThat(s.size()).isEqualTo(12));
    FleetInsights.Segment evening =
        f.segmentation().segments().stream()
            .filter(s -> s.label().equals("evening peakers"))
            .findFirst()
            .orElseThrow();
    assertThat(evening.peakHour()).isBetween(18, 20);
    assertThat(evening.members()).allMatch(id -> id.startsWith("g0"));
  }

  @Test
  void findsTheCoincidentPeakItsDriversAndFeederCongestion() {
    FleetGrid grid = new FleetGrid(START.atStartOfDay(Z).toEpochSecond(), 3600, DAYS * 24);
    FleetConfig cfg =
        FleetConfig.defaults(grid, Z).withFeederRatings(Map.of("F1", 30.0, "F2", 100.0));
    FleetInsights f = FleetAnalysis.analyse(fleet(grid), cfg);
    // All peaks are 2.2 × scale; each group's 12 members sum to 2.2 × (12 + 0.05 × 66) = 33.66 kW
    // in its peak hours, plus the other 24 consumers' 0.2 × scale each.
    double groupPeak = 2.2 * (12 + 0.05 * 66);
    double others = 0.2 * (12 + 0.05 * 66) * 2;
    assertThat(f.aggregate().coincidentPeakKw()).isCloseTo(groupPeak + others, within(1e-3));
    assertThat(f.aggregate().contributors()).hasSize(10);
    assertThat(f.aggregate().contributors().get(0).kwAtPeak()).isCloseTo(2.2 * 1.55, within(1e-3));
    assertThat(f.aggregate().diversityFactor()).isGreaterThan(2.5);
    FleetInsights.FeederLoad f1 = f.feeders().get(0);
    assertThat(f1.feederId()).isEqualTo("F1");
    // F1 (the evening group) exceeds 30 kW for 3 hours a day.
    assertThat(f1.congestionHours()).isCloseTo(3.0 * DAYS, within(1e-9));
    assertThat(f.feeders().get(1).congestionHours()).isZero();
    assertThat(f.forecast().mapePercent()).isCloseTo(0, within(1e-6));
    assertThat(f.headline()).isNotEmpty();
  }

  @Test
  void aFleetWithTooLittleHistoryToBacktestSaysSoInsteadOfPrintingNaN() {
    int days = 2;
    FleetGrid grid = new FleetGrid(START.atStartOfDay(Z).toEpochSecond(), 3600, days * 24);
    List<ConsumerProfileSummary> consumers = new ArrayList<>();
    for (int m = 0; m < 4; m++) {
      ValidatedSeries s =
          Synthetic.series("short" + m, START, days, 3600, Z, (t, i) -> 0.3 + t.getHour() / 24.0);
      ConsumerInsights ci = InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
      consumers.add(ConsumerProfileSummary.of(s, ci, "F1", grid));
    }
    FleetInsights f = FleetAnalysis.analyse(consumers, FleetConfig.defaults(grid, Z));
    assertThat(f.headline())
        .contains("Next-day fleet forecast: too little history to backtest it yet")
        .noneMatch(line -> line.contains("NaN"));
  }

  @Test
  void segmentationIsDeterministicForASeed() {
    FleetGrid grid = new FleetGrid(START.atStartOfDay(Z).toEpochSecond(), 3600, DAYS * 24);
    List<ConsumerProfileSummary> consumers = fleet(grid);
    FleetInsights a = FleetAnalysis.analyse(consumers, FleetConfig.defaults(grid, Z));
    FleetInsights b = FleetAnalysis.analyse(consumers, FleetConfig.defaults(grid, Z));
    assertThat(a.segmentation().segments())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(b.segmentation().segments());
  }

  @Test
  void segmentsByTheHouseholdsRoutineNotByACarChargedTwiceAWeek() {
    // Two routines (out 08:00-18:00 on weekdays, or home all day) with and without a 7.4 kW charge
    // on two evenings a week, 20:00-23:00: the charging must not decide the segment.
    FleetGrid grid = new FleetGrid(START.atStartOfDay(Z).toEpochSecond(), 3600, DAYS * 24);
    List<ConsumerProfileSummary> fleet = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      boolean away = c % 2 == 0;
      boolean ev = c % 4 < 2;
      double scale = 1 + 0.02 * c;
      ValidatedSeries s =
          Synthetic.series(
              (away ? "away" : "home") + c,
              START,
              DAYS,
              3600,
              Z,
              (t, i) -> {
                int h = t.getHour();
                boolean weekday = t.getDayOfWeek().getValue() <= 5;
                boolean out = away && weekday && h >= 8 && h < 18;
                double kw = 0.15 + (h >= 7 && h < 23 && !out ? 0.6 * scale : 0);
                int dow = t.getDayOfWeek().getValue();
                boolean charging = ev && (dow == 2 || dow == 5) && h >= 20 && h < 23;
                return kw + (charging ? 7.4 : 0);
              });
      ConsumerInsights ci = InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
      fleet.add(ConsumerProfileSummary.of(s, ci, null, grid));
    }
    FleetInsights f = FleetAnalysis.analyse(fleet, FleetConfig.defaults(grid, Z));
    assertThat(f.segmentation().segments())
        .extracting(seg -> seg.members().stream().map(m -> m.substring(0, 4)).distinct().toList())
        .as(f.segmentation().segments().toString())
        .containsExactlyInAnyOrder(List.of("away"), List.of("home"));
  }
}

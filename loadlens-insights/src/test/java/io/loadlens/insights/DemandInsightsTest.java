package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandInsightsTest {
  private static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);

  @Test
  void findsThePeakItsLocalTimeAndMonthlyPeaks() {
    ValidatedSeries s =
        Synthetic.series(
            "m1",
            JAN1,
            60,
            900,
            Synthetic.BRUSSELS,
            (t, i) -> {
              if (t.getDayOfYear() == 20 && t.getHour() == 18 && t.getMinute() == 15) {
                return 6.0;
              }
              if (t.getDayOfYear() == 40 && t.getHour() == 8 && t.getMinute() == 0) {
                return 4.0;
              }
              return 0.5;
            });
    ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), cfg());
    assertThat(c.peaks().maxKw()).isEqualTo(6.0);
    assertThat(c.peaks().maxAt()).isEqualTo("2024-01-20T18:15+01:00");
    assertThat(c.peaks().demandWindowMinutes()).isEqualTo(15);
    assertThat(c.peaks().topPeaks().get(1).kw()).isEqualTo(4.0);
    assertThat(c.peaks().monthlyPeaks())
        .extracting(Peaks.MonthlyPeak::month, Peaks.MonthlyPeak::peakKw)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2024-01", 6.0),
            org.assertj.core.groups.Tuple.tuple("2024-02", 4.0));
    assertThat(c.peaks().dailyPeakHourHistogram()[18]).isEqualTo(1);
  }

  @Test
  void aggregatesFiveMinuteDataToFifteenMinuteDemandForPeaks() {
    // A 12 kW spike lasting 5 minutes is a 4.5 kW (12+0.75+0.75)/3 quarter-hour demand.
    ValidatedSeries s =
        Synthetic.series(
            "m5",
            JAN1,
            3,
            300,
            Synthetic.BRUSSELS,
            (t, i) ->
                t.getDayOfMonth() == 2 && t.getHour() == 12 && t.getMinute() == 5 ? 12 : 0.75);
    ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), cfg());
    assertThat(c.peaks().maxKw()).isCloseTo(4.5, within(1e-9));
    assertThat(c.peaks().maxAt()).isEqualTo("2024-01-02T12:00+01:00");
  }

  @Test
  void baseLoadIsTheNightTimeAlwaysOnLevel() {
    ValidatedSeries s =
        Synthetic.series("b", JAN1, 28, 1800, Synthetic.BRUSSELS, (t, i) -> Synthetic.household(t));
    ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), cfg());
    assertThat(c.baseLoad().baseLoadW()).isCloseTo(150, within(0.5));
    assertThat(c.baseLoad().yearlyKwh()).isCloseTo(0.15 * 8760, within(0.5));
    assertThat(c.baseLoad().yearlyCostEur()).isCloseTo(0.15 * 8760 * 0.30, within(0.5));
  }

  @Test
  void loadFactorOfAConstantLoadIsOneAndOfAHalfDutyLoadIsAHalf() {
    ValidatedSeries flat = Synthetic.series("f", JAN1, 14, 900, Synthetic.BRUSSELS, (t, i) -> 2.0);
    ValidatedSeries half =
        Synthetic.series("h", JAN1, 14, 900, Synthetic.BRUSSELS, (t, i) -> i % 2 == 0 ? 2.0 : 0);
    LoadShape a =
        InsightEngine.analyse(ConsumerInput.of(flat, Synthetic.BRUSSELS), cfg()).loadShape();
    LoadShape b =
        InsightEngine.analyse(ConsumerInput.of(half, Synthetic.BRUSSELS), cfg()).loadShape();
    assertThat(a.loadFactor()).isEqualTo(1.0);
    assertThat(a.maxRampUpKwPerHour()).isZero();
    assertThat(b.loadFactor()).isCloseTo(0.5, within(1e-9));
    assertThat(b.peakToAverage()).isCloseTo(2.0, within(1e-9));
    assertThat(b.maxRampUpKwPerHour()).isCloseTo(8.0, within(1e-9));
  }

  @Test
  void totalsTypicalDaysAndLocalDaysFollowTheZoneAcrossDaylightSaving() {
    // 2024-03-31 has 23 hours in Brussels: 92 quarter-hours of 1 kW = 23 kWh.
    ValidatedSeries s =
        Synthetic.series(
            "dst", LocalDate.of(2024, 3, 25), 14, 900, Synthetic.BRUSSELS, (t, i) -> 1.0);
    ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), cfg());
    double[] daily = c.consumption().dailyKwh();
    assertThat(daily).hasSize(14);
    assertThat(daily[6]).isCloseTo(23.0, within(1e-9));
    assertThat(daily[0]).isCloseTo(24.0, within(1e-9));
    assertThat(c.consumption().totalKwh()).isCloseTo(14 * 24 - 1, within(1e-9));
    assertThat(c.consumption().monthly())
        .extracting(Consumption.PeriodTotal::period)
        .containsExactly("2024-03", "2024-04");
    assertThat(c.consumption().typicalDays())
        .extracting(Consumption.TypicalDay::label)
        .contains("weekday", "weekend", "spring");
  }

  @Test
  void seasonsFollowTheHemisphereOfTheZone() {
    ZoneId sydney = ZoneId.of("Australia/Sydney");
    ValidatedSeries s = Synthetic.series("syd", JAN1, 10, 1800, sydney, (t, i) -> 1.0);
    ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, sydney), cfg());
    assertThat(c.consumption().seasonal())
        .extracting(Consumption.PeriodTotal::period)
        .containsExactly("2024 summer");
  }

  @Test
  void pricesTheProfileUnderEachTariffAndNamesTheCheapest() {
    // 1 kW day and night for 30 days: 720 kWh, of which weekday 07-22 is the TOU peak window.
    ValidatedSeries s = Synthetic.series("t", JAN1, 30, 3600, Synthetic.BRUSSELS, (t, i) -> 1.0);
    InsightConfig cfg =
        cfg()
            .withTariffs(
                List.of(
                    new Tariff.Flat("flat", 0.30),
                    new Tariff.TimeOfUse(
                        "tou",
                        List.of(new Tariff.Window("peak", 7 * 60, 22 * 60, true, 0.40)),
                        "off-peak",
                        0.20),
                    new Tariff.Capacity("cap", 4.0, 2.5, 0.25)));
    TariffComparison t =
        InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), cfg).tariffs();
    assertThat(t.costs().get(0).totalEur()).isCloseTo(720 * 0.30, within(0.01));
    // 1–30 January 2024 has 22 weekdays: 22 × 15 h = 330 kWh in the peak window.
    assertThat(t.touShares().get(0).kwh()).isCloseTo(330, within(1e-6));
    assertThat(t.costs().get(1).totalEur()).isCloseTo(330 * 0.40 + 390 * 0.20, within(0.01));
    // One month at the 2.5 kW minimum, pro rata 30 / 30.42 of a month.
    assertThat(t.costs().get(2).capacityEur())
        .isCloseTo(2.5 * 4.0 * 30 / (365.0 / 12), within(0.01));
    assertThat(t.cheapestTariff()).isEqualTo("cap");
    assertThat(t.savingEurPerYear()).isGreaterThan(0);
  }

  static InsightConfig cfg() {
    return InsightConfig.defaults();
  }
}

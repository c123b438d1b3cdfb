package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.insights.internal.PeakShaving;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyAndFlexibilityTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final ZoneId Z = Synthetic.BRUSSELS;

  private static ConsumerInsights analyse(ValidatedSeries s) {
    return InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
  }

  @Test
  void sizesTheBatteryThatCapsAKnownPeak() {
    // 1 kW except 4 kW for two hours each evening: capping at 80 % (3.2 kW) needs 0.8 kW for 2 h.
    double[] kw = new double[96 * 3];
    for (int i = 0; i < kw.length; i++) {
      int slot = i % 96;
      kw[i] = slot >= 72 && slot < 80 ? 4 : 1;
    }
    double[] need = PeakShaving.required(kw, 0.25, 3.2, 0.9);
    assertThat(need[0]).isCloseTo(1.6, within(1e-9));
    assertThat(need[1]).isCloseTo(0.8, within(1e-9));
    Battery b = new Battery(1.0, 5, 1.0);
    // 1 kWh over 2 h shaves 0.5 kW: the lowest cap held is 3.5 kW.
    assertThat(PeakShaving.lowestCap(kw, 0.25, 4, b)).isCloseTo(3.5, within(1e-4));
  }

  @Test
  void reportsTheConfiguredBatterysPeakReduction() {
    ValidatedSeries s =
        Synthetic.series("flex", START, 14, 900, Z, (t, i) -> t.getHour() == 18 ? 6 : 1);
    InsightConfig cfg = InsightConfig.defaults().withBattery(new Battery(2, 3, 1));
    Flexibility f = InsightEngine.analyse(ConsumerInput.of(s, Z), cfg).flexibility();
    assertThat(f.peakKw()).isEqualTo(6);
    // 2 kWh over one hour: 2 kW off the peak.
    assertThat(f.peakReductionKw()).isCloseTo(2, within(1e-3));
    assertThat(f.requiredBatteryKw()).isCloseTo(6 - 4.8, within(1e-9));
    assertThat(f.requiredBatteryKwh()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void findsALongZeroRunAsVacancy() {
    ValidatedSeries s =
        Synthetic.series(
            "zero",
            START,
            40,
            1800,
            Z,
            (t, i) ->
                t.getDayOfMonth() >= 10 && t.getDayOfMonth() < 14 ? 0 : Synthetic.household(t));
    List<Anomaly> zero =
        analyse(s).anomalies().stream().filter(a -> a.kind() == AnomalyKind.ZERO_RUN).toList();
    assertThat(zero).hasSize(1);
    assertThat(zero.get(0).from()).isEqualTo("2024-01-10T00:00+01:00");
    assertThat(zero.get(0).to()).isEqualTo("2024-01-14T00:00+01:00");
    assertThat(zero.get(0).score()).isCloseTo(96 / 168.0, within(0.001));
  }

  @Test
  void flagsASustainedDropWithUnchangedShapeAsSuspectedTamper() {
    // From day 60 the meter sees 40 % of the same household's load (a partial bypass).
    ValidatedSeries s =
        Synthetic.series(
            "tamper",
            START,
            120,
            1800,
            Z,
            (t, i) -> Synthetic.household(t) * (t.getDayOfYear() > 60 ? 0.4 : 1));
    List<Anomaly> a = analyse(s).anomalies();
    assertThat(a)
        .filteredOn(x -> x.kind() == AnomalyKind.LEVEL_CHANGE)
        .singleElement()
        .satisfies(x -> assertThat(x.from()).isEqualTo("2024-03-01"));
    assertThat(a).anyMatch(x -> x.kind() == AnomalyKind.TAMPER_SUSPECTED && x.score() > 0.5);
  }

  @Test
  void aVacancyDropIsALevelChangeButNotTamper() {
    ValidatedSeries s =
        Synthetic.series(
            "vacant",
            START,
            120,
            1800,
            Z,
            (t, i) -> t.getDayOfYear() > 60 ? 0.15 : Synthetic.household(t));
    List<Anomaly> a = analyse(s).anomalies();
    assertThat(a).anyMatch(x -> x.kind() == AnomalyKind.LEVEL_CHANGE);
    assertThat(a).noneMatch(x -> x.kind() == AnomalyKind.TAMPER_SUSPECTED);
  }

  @Test
  void findsAnUnusualDay() {
    ValidatedSeries s =
        Synthetic.series(
            "party",
            START,
            60,
            1800,
            Z,
            (t, i) -> Synthetic.household(t) + (t.getDayOfYear() == 30 ? 3 : 0));
    assertThat(analyse(s).anomalies())
        .filteredOn(x -> x.kind() == AnomalyKind.UNUSUAL_DAY)
        .extracting(Anomaly::from)
        .containsExactly("2024-01-30");
  }

  @Test
  void findsAClockShiftedByThreeHoursForFourWeeks() {
    ValidatedSeries s =
        Synthetic.series(
            "clock",
            START,
            112,
            3600,
            Z,
            (t, i) -> {
              boolean shifted = t.getDayOfYear() > 56 && t.getDayOfYear() <= 84;
              return Synthetic.household(shifted ? t.plusHours(3) : t);
            });
    assertThat(analyse(s).anomalies())
        .filteredOn(x -> x.kind() == AnomalyKind.CLOCK_FAULT)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.from()).isEqualTo("2024-02-26");
              assertThat(x.to()).isEqualTo("2024-03-25");
            });
  }

  @Test
  void exportWithoutGenerationIsReverseFlow() {
    ValidatedSeries s =
        Synthetic.series("rev", START, 20, 900, Z, (t, i) -> Synthetic.household(t));
    double[] export = new double[s.size()];
    for (int i = 0; i < export.length; i += 96) {
      export[i + 4] = 500; // 01:00 every night, 0.5 kWh
    }
    IntervalSeries ex =
        Synthetic.channel(s, ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL, Unit.WATT_HOUR, export);
    ConsumerInsights c =
        InsightEngine.analyse(ConsumerInput.of(s, Z).withExport(ex), InsightConfig.defaults());
    assertThat(c.anomalies()).filteredOn(a -> a.kind() == AnomalyKind.REVERSE_FLOW).hasSize(2);
  }

  @Test
  void checksVoltageAgainstEn50160Limits() {
    ValidatedSeries s = Synthetic.series("v", START, 14, 600, Z, (t, i) -> 1);
    double[] good = new double[s.size()];
    double[] bad = new double[s.size()];
    for (int i = 0; i < good.length; i++) {
      good[i] = 230 + 5 * Math.sin(i / 10.0);
      // In the first week 10 % of values at 200 V (−13 %): outside ±10 % but inside −15 %.
      bad[i] = i < 1008 && i % 10 == 0 ? 200 : 232;
    }
    ConsumerInsights c =
        InsightEngine.analyse(
            ConsumerInput.of(s, Z)
                .withVoltages(
                    List.of(
                        Synthetic.channel(s, ObisCode.VOLTAGE_L1, Unit.VOLT, good),
                        Synthetic.channel(s, ObisCode.VOLTAGE_L2, Unit.VOLT, bad))),
            InsightConfig.defaults());
    VoltageQuality l1 = c.voltage().get(0);
    VoltageQuality l2 = c.voltage().get(1);
    assertThat(l1.compliant()).isTrue();
    assertThat(l1.sags()).isZero();
    assertThat(l2.compliant()).isFalse();
    assertThat(l2.sags()).isEqualTo(101);
    assertThat(l2.outsideHardLimits()).isZero();
    assertThat(l2.worstWeekShareWithin()).isLessThan(0.95);
  }

  @Test
  void forecastsADailyPeriodicLoadWithoutErrorAndBlendsWeekdayAndRecentLevels() {
    ValidatedSeries daily =
        Synthetic.series("daily", START, 70, 3600, Z, (t, i) -> 0.5 + (t.getHour() >= 18 ? 1 : 0));
    Forecast f = analyse(daily).forecast();
    assertThat(f.backtestDays()).isEqualTo(28);
    assertThat(f.mapePercent()).isCloseTo(0, within(1e-9));
    assertThat(f.nmaePercent()).isCloseTo(0, within(1e-9));
    assertThat(f.wapePercent()).isCloseTo(0, within(1e-9));
    assertThat(f.forDay()).isEqualTo("2024-03-11");
    ValidatedSeries weekly =
        Synthetic.series(
            "weekly",
            START,
            70,
            3600,
            Z,
            (t, i) -> 0.5 + t.getDayOfWeek().getValue() * 0.1 + (t.getHour() >= 18 ? 1 : 0));
    // 2024-03-11 is a Monday (0.6 kW, 1.6 kW from 18:00); the last 7 days average 0.9 / 1.9 kW.
    double[] kw = analyse(weekly).forecast().kwBySlot();
    assertThat(kw[3]).isCloseTo(0.5 * 0.6 + 0.5 * 0.9, within(1e-9));
    assertThat(kw[20]).isCloseTo(0.5 * 1.6 + 0.5 * 1.9, within(1e-9));
  }

  @Test
  void reportsWeightedAndDailyEnergyErrorsBesideMape() {
    // 1 kW in even weeks, 2 kW in odd ones. Each backtest day's forecast is half the 4-week mean
    // of its weekday (1.5 kW) and half the mean of the last 7 days, which span both weeks.
    ValidatedSeries s =
        Synthetic.series(
            "alternating", START, 70, 3600, Z, (t, i) -> (i / 24 / 7) % 2 == 0 ? 1.0 : 2.0);
    Forecast f = analyse(s).forecast();
    assertThat(f.backtestDays()).isEqualTo(28);
    double absErr = 0;
    double actual = 0;
    double dailyPct = 0;
    for (int d = 42; d < 70; d++) {
      int pos = d % 7;
      double level = (d / 7) % 2 == 0 ? 1.0 : 2.0;
      double previous = 3.0 - level;
      // the last 7 days: (7 - pos) days of the previous week and pos days of this one
      double recent = ((7 - pos) * previous + pos * level) / 7;
      double forecast = 0.5 * 1.5 + 0.5 * recent;
      absErr += Math.abs(forecast - level);
      actual += level;
      dailyPct += Math.abs(forecast - level) / level;
    }
    assertThat(f.wapePercent()).isCloseTo(100 * absErr / actual, within(0.01));
    assertThat(f.dailyMapePercent()).isCloseTo(100 * dailyPct / 28, within(0.01));
  }
}

package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApplianceDetectionTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final ZoneId Z = Synthetic.BRUSSELS;

  private static ConsumerInsights analyse(ValidatedSeries s) {
    return InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
  }

  @Test
  void detectsEvChargingSessionsAtTheSevenPointFourKilowattLevel() {
    // Every third evening a 7.4 kW charge from 19:00 to 22:00 on top of a household.
    ValidatedSeries s =
        Synthetic.series(
            "ev",
            START,
            60,
            900,
            Z,
            (t, i) ->
                Synthetic.household(t)
                    + (t.getDayOfYear() % 3 == 0 && t.getHour() >= 19 && t.getHour() < 22
                        ? 7.4
                        : 0));
    ApplianceDetection ev = analyse(s).appliance(ApplianceKind.EV_CHARGER);
    assertThat(ev.detected()).isTrue();
    assertThat(ev.sessions()).isEqualTo(20);
    assertThat(ev.typicalKw()).isCloseTo(7.4, within(0.05));
    assertThat(ev.kwhPerDay()).isCloseTo(20 * 7.4 * 3 / 60.0, within(0.3));
    assertThat(ev.sampleSessions().get(0).durationHours()).isCloseTo(3.0, within(0.01));
  }

  @Test
  void aPlainHouseholdHasNoEvNoPvNoWaterHeater() {
    ValidatedSeries s =
        Synthetic.series("plain", START, 60, 900, Z, (t, i) -> Synthetic.household(t));
    ConsumerInsights c = analyse(s);
    assertThat(c.appliance(ApplianceKind.EV_CHARGER).detected()).isFalse();
    assertThat(c.appliance(ApplianceKind.ROOFTOP_PV).detected()).isFalse();
    ApplianceDetection wh = c.appliance(ApplianceKind.WATER_HEATER);
    assertThat(wh.detected()).as(wh.evidence()).isFalse();
    assertThat(c.appliance(ApplianceKind.REFRIGERATION_BASE).detected()).isTrue();
    assertThat(c.appliances()).hasSize(ApplianceKind.values().length);
  }

  @Test
  void detectsAnOffPeakControlledWaterHeaterAndDoesNotCallItAnEv() {
    // 3 kW from 23:00 to 01:30 every night (ripple-controlled off-peak circuit).
    ValidatedSeries s =
        Synthetic.series(
            "wh",
            START,
            60,
            1800,
            Z,
            (t, i) -> {
              int m = t.getHour() * 60 + t.getMinute();
              return Synthetic.household(t) + (m >= 23 * 60 || m < 90 ? 3.0 : 0);
            });
    ConsumerInsights c = analyse(s);
    ApplianceDetection wh = c.appliance(ApplianceKind.WATER_HEATER);
    assertThat(wh.detected()).isTrue();
    assertThat(wh.typicalKw()).isCloseTo(3.0, within(0.05));
    assertThat(wh.kwhPerDay()).isCloseTo(7.5, within(0.5));
    assertThat(c.appliance(ApplianceKind.EV_CHARGER).detected()).isFalse();
  }

  @Test
  void tracksThermostaticCyclesOfOneFixedPower() {
    Random rnd = new Random(7);
    boolean[] on = new boolean[60 * 96];
    for (int d = 0; d < 60; d++) {
      for (int c = 0; c < 3; c++) {
        int start = d * 96 + 20 + c * 28 + rnd.nextInt(6);
        for (int k = 0; k < 3 + rnd.nextInt(4); k++) {
          on[start + k] = true;
        }
      }
    }
    ValidatedSeries s =
        Synthetic.series(
            "thermo",
            START,
            60,
            900,
            Z,
            (t, i) -> 0.3 + 0.05 * Math.sin(i / 7.0) + (on[i] ? 1.2 : 0));
    ApplianceDetection wh = analyse(s).appliance(ApplianceKind.WATER_HEATER);
    assertThat(wh.detected()).isTrue();
    assertThat(wh.typicalKw()).isCloseTo(1.2, within(0.1));
    long onIntervals = 0;
    for (boolean b : on) {
      onIntervals += b ? 1 : 0;
    }
    assertThat(wh.kwhPerDay()).isCloseTo(onIntervals * 1.2 * 0.25 / 60, within(0.4));
  }

  @Test
  void detectsPvFromExportAndEstimatesItsPeakPower() {
    ValidatedSeries s = Synthetic.series("pv", START, 30, 900, Z, (t, i) -> Synthetic.household(t));
    double[] export = new double[s.size()];
    for (int i = 0; i < export.length; i++) {
      int h = java.time.Instant.ofEpochSecond(s.epochSeconds()[i]).atZone(Z).getHour();
      // A 4 kWp array at performance ratio 0.8 peaks at 3.2 kW, minus ~0.2 kW self-use.
      export[i] = h >= 10 && h < 15 ? 3.0 * 250 : 0;
    }
    IntervalSeries ex =
        Synthetic.channel(s, ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL, Unit.WATT_HOUR, export);
    ConsumerInsights c =
        InsightEngine.analyse(ConsumerInput.of(s, Z).withExport(ex), InsightConfig.defaults());
    ApplianceDetection pv = c.appliance(ApplianceKind.ROOFTOP_PV);
    assertThat(pv.detected()).isTrue();
    assertThat(pv.estimatedKwp()).isCloseTo(3.75, within(0.01));
    assertThat(c.anomalies()).noneMatch(a -> a.kind() == AnomalyKind.REVERSE_FLOW);
  }

  @Test
  void detectsPvFromMiddayDipsBelowTheAlwaysOnLevelWithoutExport() {
    ValidatedSeries s =
        Synthetic.series(
            "pvnet",
            START,
            30,
            900,
            Z,
            (t, i) -> t.getHour() >= 11 && t.getHour() < 14 ? 0 : Synthetic.household(t));
    ApplianceDetection pv = analyse(s).appliance(ApplianceKind.ROOFTOP_PV);
    assertThat(pv.detected()).isTrue();
    assertThat(pv.sessions()).isEqualTo(30);
  }

  @Test
  void detectsHeatingFromDegreeDaysWhenATemperatureSeriesIsGiven() {
    // Outdoor temperature swings over the year; a heat pump adds 0.8 kWh per heating degree-day.
    int days = 120;
    double[] tempByDay = new double[days];
    for (int d = 0; d < days; d++) {
      tempByDay[d] = 8 + 10 * Math.sin(d / 20.0);
    }
    ValidatedSeries s =
        Synthetic.series(
            "hp",
            START,
            days,
            3600,
            Z,
            (t, i) -> {
              int d = i / 24;
              double hdd = tempByDay[d] <= 15 ? 18 - tempByDay[d] : 0;
              return Synthetic.household(t) + 0.8 * hdd / 24;
            });
    double[] temp = new double[s.size()];
    for (int i = 0; i < temp.length; i++) {
      temp[i] = tempByDay[Math.min(days - 1, i / 24)];
    }
    IntervalSeries ts = Synthetic.channel(s, new ObisCode(0, 0, 96, 9, 0, 255), Unit.CELSIUS, temp);
    ConsumerInsights c =
        InsightEngine.analyse(ConsumerInput.of(s, Z).withTemperature(ts), InsightConfig.defaults());
    assertThat(c.consumption().weather().kwhPerHeatingDegreeDay()).isCloseTo(0.8, within(0.05));
    assertThat(c.consumption().weather().r2()).isGreaterThan(0.9);
    assertThat(c.appliance(ApplianceKind.HEAT_PUMP).detected()).isTrue();
    assertThat(c.appliance(ApplianceKind.AIR_CONDITIONING).detected()).isFalse();
  }

  @Test
  void detectsHeatingFromWinterExcessWithoutTemperature() {
    ValidatedSeries s =
        Synthetic.series(
            "season",
            LocalDate.of(2023, 1, 1),
            365,
            3600,
            Z,
            (t, i) -> {
              int m = t.getMonthValue();
              boolean winter = m == 12 || m <= 2;
              return Synthetic.household(t) + (winter ? 1.0 : 0);
            });
    ConsumerInsights c = analyse(s);
    assertThat(c.appliance(ApplianceKind.HEAT_PUMP).detected()).isTrue();
    assertThat(c.appliance(ApplianceKind.AIR_CONDITIONING).detected()).isFalse();
    assertThat(Arrays.stream(c.consumption().dailyKwh()).filter(Double::isNaN).count()).isZero();
  }

  @Test
  void coolingEvidenceHasNoShareWhenSummerUsesLessThanSpringAndAutumn() {
    // Winter heating and a lower summer: there is no summer excess to take an afternoon share of.
    ValidatedSeries s =
        Synthetic.series(
            "nocool",
            LocalDate.of(2023, 1, 1),
            365,
            3600,
            Z,
            (t, i) -> {
              int m = t.getMonthValue();
              double extra = m == 12 || m <= 2 ? 1.0 : m >= 6 && m <= 8 ? -0.05 : 0;
              return Synthetic.household(t) + extra;
            });
    ApplianceDetection ac = analyse(s).appliance(ApplianceKind.AIR_CONDITIONING);
    assertThat(ac.detected()).isFalse();
    assertThat(ac.confidence()).isZero();
    assertThat(ac.evidence()).contains("no summer excess").doesNotContain("% of the excess");
  }
}

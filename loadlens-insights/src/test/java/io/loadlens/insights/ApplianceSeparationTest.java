package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Telling water heaters, EV chargers and seasonal loads of similar power apart. */
class ApplianceSeparationTest {
  private static final LocalDate YEAR = LocalDate.of(2023, 1, 1);
  private static final ZoneId Z = Synthetic.BRUSSELS;

  private static ConsumerInsights analyse(ValidatedSeries s) {
    return InsightEngine.analyse(ConsumerInput.of(s, Z), InsightConfig.defaults());
  }

  private static long day(ZonedDateTime t) {
    return t.toLocalDate().toEpochDay();
  }

  /** Minutes of the interval starting at {@code t} (15 min) covered by [from, from + length). */
  private static double covered(ZonedDateTime t, int from, int length) {
    int m = t.getHour() * 60 + t.getMinute();
    int start = Math.max(m, from);
    int end = Math.min(m + 15, from + length);
    return Math.max(0, end - start) / 15.0;
  }

  @Test
  void findsTheWaterHeaterElementInTheQuietMonthsDespiteWinterHeatingSteps() {
    // A 3 kW element runs 45-60 min after waking (05:30-05:50) every day; from November to March
    // a 1.5 kW heater also switches on and off five times a day for 45 min.
    ValidatedSeries s =
        Synthetic.series(
            "wh-heating",
            YEAR,
            365,
            900,
            Z,
            (t, i) -> {
              long d = day(t);
              int wake = 330 + (int) Math.floorMod(d * 7, 20);
              double kw = Synthetic.household(t) + 3.0 * covered(t, wake, 45 + (int) (d % 16));
              int m = t.getMonthValue();
              if (m >= 11 || m <= 3) {
                for (int k = 0; k < 5; k++) {
                  kw += 1.5 * covered(t, 540 + k * 150 + (int) Math.floorMod(d * 13 + k, 30), 45);
                }
              }
              return kw;
            });
    ApplianceDetection wh = analyse(s).appliance(ApplianceKind.WATER_HEATER);
    assertThat(wh.detected()).as(wh.evidence()).isTrue();
    assertThat(wh.typicalKw()).isCloseTo(3.0, within(0.15));
  }

  @Test
  void aHeaterElementRunningEveryMorningAndEveningIsNoEvCharger() {
    // A 3.5 kW element reheats for 1.5-2 h after the morning showers and after dinner every day.
    ValidatedSeries s =
        Synthetic.series(
            "wh-daily",
            YEAR,
            120,
            900,
            Z,
            (t, i) -> {
              long d = day(t);
              double kw = Synthetic.household(t);
              kw += 3.5 * covered(t, 400 + (int) Math.floorMod(d * 11, 60), 100 + (int) (d % 20));
              kw += 3.5 * covered(t, 1200 + (int) Math.floorMod(d * 17, 90), 90);
              return kw;
            });
    ConsumerInsights c = analyse(s);
    ApplianceDetection ev = c.appliance(ApplianceKind.EV_CHARGER);
    assertThat(ev.detected()).as(ev.evidence()).isFalse();
    assertThat(c.appliance(ApplianceKind.WATER_HEATER).detected()).isTrue();
  }

  @Test
  void detectsElevenKilowattSessionsShorterThanAnHour() {
    // 8 kWh at 11 kW is 44 min: twice a week in the evening.
    ValidatedSeries s =
        Synthetic.series(
            "ev-11",
            YEAR,
            90,
            900,
            Z,
            (t, i) ->
                Synthetic.household(t)
                    + (day(t) % 7 == 1 || day(t) % 7 == 4 ? 11.0 * covered(t, 1140, 45) : 0));
    ApplianceDetection ev = analyse(s).appliance(ApplianceKind.EV_CHARGER);
    assertThat(ev.detected()).as(ev.evidence()).isTrue();
    assertThat(ev.typicalKw()).isCloseTo(11.0, within(0.3));
  }

  @Test
  void aSummerOnlyPlateauAtAChargingLevelIsNoEvCharger() {
    // 7.4 kW for two hours on summer afternoons (a large air conditioner), never in winter.
    ValidatedSeries s =
        Synthetic.series(
            "ac-74",
            YEAR,
            365,
            900,
            Z,
            (t, i) -> {
              int m = t.getMonthValue();
              boolean hot = m >= 6 && m <= 8 && day(t) % 3 == 0;
              return Synthetic.household(t) + (hot ? 7.4 * covered(t, 840, 120) : 0);
            });
    ApplianceDetection ev = analyse(s).appliance(ApplianceKind.EV_CHARGER);
    assertThat(ev.detected()).as(ev.evidence()).isFalse();
    assertThat(ev.evidence()).contains("seasonal balance 0.00");
  }

  @Test
  void aChargerDelayedToTheNightIsNoControlledWaterHeater() {
    // A 3.7 kW charger delayed to 00:30 charges 12-20 kWh on four nights a week.
    ValidatedSeries s =
        Synthetic.series(
            "ev-night",
            YEAR,
            120,
            900,
            Z,
            (t, i) -> {
              long d = day(t);
              boolean charges = Math.floorMod(d, 7) < 4;
              int minutes = 195 + (int) Math.floorMod(d * 37, 130);
              return Synthetic.household(t) + (charges ? 3.7 * covered(t, 30, minutes) : 0);
            });
    ConsumerInsights c = analyse(s);
    ApplianceDetection ev = c.appliance(ApplianceKind.EV_CHARGER);
    ApplianceDetection wh = c.appliance(ApplianceKind.WATER_HEATER);
    assertThat(ev.detected()).as(ev.evidence()).isTrue();
    assertThat(wh.detected()).as(wh.evidence()).isFalse();
  }
}

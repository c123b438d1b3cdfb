package io.loadlens.insights.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.insights.ApplianceKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentLabelTest {
  private static final double PEAKY_DAY = 3.0;
  private static final double USED_DAILY = 0.9;

  /** A routine of 48 values (weekday hours, then weekend hours), all {@code v}. */
  private static double[] routine(double v) {
    double[] r = new double[48];
    Arrays.fill(r, v);
    return r;
  }

  private static void set(double[] r, int from, int to, double v) {
    Arrays.fill(r, from, to, v);
  }

  private static List<ConsumerProfileSummary> members(int n, int with, ApplianceKind kind) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(
            i ->
                new ConsumerProfileSummary(
                    "m" + i,
                    null,
                    new double[24],
                    3000,
                    i < with ? List.of(kind) : List.of(),
                    new float[0]))
        .toList();
  }

  private static List<ConsumerProfileSummary> plain() {
    return members(4, 0, ApplianceKind.EV_CHARGER);
  }

  /** Away 08:00–18:00 on weekdays, home at weekends, busiest in the evening. */
  private static double[] commuter() {
    double[] r = routine(0.2);
    set(r, 6, 8, 1.4);
    set(r, 8, 18, 0.1);
    set(r, 18, 22, 2.4);
    set(r, 24 + 8, 24 + 18, 0.9);
    set(r, 24 + 18, 24 + 22, 2.4);
    return r;
  }

  @Test
  void namesAWeekdayAbsenceWithTheHoursItsRoutineIsQuiet() {
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, commuter(), USED_DAILY))
        .isEqualTo("evening peakers, out 08:00–18:00 on weekdays");
  }

  @Test
  void saysHomeByDayWhenWeekdayDaytimeUseMatchesTheWeekends() {
    double[] r = routine(0.2);
    set(r, 8, 18, 0.8);
    set(r, 18, 22, 2.4);
    set(r, 24 + 8, 24 + 18, 0.8);
    set(r, 24 + 18, 24 + 22, 2.4);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, USED_DAILY))
        .isEqualTo("evening peakers, home by day");
  }

  @Test
  void saysNothingOfPresenceWhenNoDayTypeUsesMuchByDay() {
    double[] r = routine(0.1);
    set(r, 18, 22, 2.4);
    set(r, 24 + 18, 24 + 22, 2.4);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, USED_DAILY)).isEqualTo("evening peakers");
  }

  @Test
  void aMorningAlmostAsBusyAsTheEveningMakesTwoPeaks() {
    double[] r = routine(0.1);
    set(r, 6, 8, 2.0);
    set(r, 24 + 6, 24 + 8, 2.0);
    set(r, 18, 22, 2.4);
    set(r, 24 + 18, 24 + 22, 2.4);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, USED_DAILY))
        .isEqualTo("morning and evening peakers");
  }

  @Test
  void aRoutineWithoutAnyBusyHourInAHomeUsedOnFewDaysIsRarelyOccupied() {
    double[] r = routine(1.0);
    set(r, 20, 22, 1.4);
    set(r, 3, 4, 0.6);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, 0.45))
        .isEqualTo("rarely occupied: no daily routine");
  }

  @Test
  void aRoutineWithoutABusyHourIsCalledOnlyThatWhenTheMembersUseTheirHomesDaily() {
    // Households whose routines differ average to a flat centre; that is not an empty home.
    double[] r = routine(1.0);
    set(r, 20, 22, 1.4);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, 0.94)).isEqualTo("no common daily routine");
  }

  @Test
  void aFlatMeanDayIsAlwaysOnWhateverTheRoutine() {
    assertThat(SegmentLabel.of(plain(), 1.3, commuter(), USED_DAILY)).isEqualTo("flat, always-on");
  }

  @Test
  void outOnWeekdayNightsAndUpLateAtWeekendsIsANightShiftWeek() {
    double[] r = routine(0.2);
    set(r, 14, 22, 1.8);
    set(r, 22, 24, 0.1);
    set(r, 24, 26, 2.2);
    set(r, 24 + 12, 24 + 24, 1.5);
    assertThat(SegmentLabel.of(plain(), PEAKY_DAY, r, USED_DAILY))
        .isEqualTo("night shifts: out on weekday nights");
  }

  @Test
  void aNightPeakIsOffPeakHeatingWhenMostMembersHaveAWaterHeater() {
    double[] r = routine(0.3);
    set(r, 0, 3, 2.5);
    set(r, 24, 27, 2.5);
    assertThat(SegmentLabel.of(members(4, 3, ApplianceKind.WATER_HEATER), PEAKY_DAY, r, USED_DAILY))
        .isEqualTo("off-peak night heaters");
    assertThat(SegmentLabel.of(members(4, 2, ApplianceKind.WATER_HEATER), PEAKY_DAY, r, USED_DAILY))
        .isEqualTo("night-time peakers");
  }

  @Test
  void pvOrCarChargingShownByMostMembersNamesTheSegmentBeforeItsRoutine() {
    assertThat(
            SegmentLabel.of(
                members(5, 3, ApplianceKind.ROOFTOP_PV), PEAKY_DAY, commuter(), USED_DAILY))
        .isEqualTo("daytime PV exporters");
    assertThat(
            SegmentLabel.of(
                members(5, 3, ApplianceKind.EV_CHARGER), PEAKY_DAY, commuter(), USED_DAILY))
        .isEqualTo("EV chargers");
    assertThat(
            SegmentLabel.of(
                members(6, 3, ApplianceKind.EV_CHARGER), PEAKY_DAY, commuter(), USED_DAILY))
        .startsWith("evening peakers");
  }

  @Test
  void rejectsARoutineThatIsNot48Hours() {
    assertThatThrownBy(() -> SegmentLabel.of(plain(), PEAKY_DAY, new double[24], USED_DAILY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("48")
        .hasMessageContaining("24");
  }
}

package io.loadlens.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultPlan;
import io.loadlens.simulator.household.Climate;
import io.loadlens.simulator.household.DayEnergy;
import io.loadlens.simulator.household.Household;
import io.loadlens.simulator.household.HouseholdSimulator;
import io.loadlens.simulator.household.Weather;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedMeterTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final Instant NOW = Instant.parse("2026-04-10T09:07:00Z");
  private static final LocalDate INSTALL = LocalDate.of(2026, 3, 20);

  private static SimulatedMeter meter(long seed, Set<FaultKind> faults) {
    Weather weather = new Weather(11, Climate.CENTRAL_EUROPE);
    return new SimulatedMeter(
        "SIM-" + seed,
        Household.generate(seed, Climate.CENTRAL_EUROPE),
        new HouseholdSimulator(weather, ZONE, 15),
        new FaultPlan(seed, faults),
        Clock.fixed(NOW, ZoneOffset.UTC),
        INSTALL,
        12_345_678_000L,
        62);
  }

  @Test
  void rowsAreTheSameHoweverTheRangeIsSplitAndInWhateverOrderItIsAsked() {
    Instant from = Instant.parse("2026-03-25T00:00:00Z");
    Instant mid = Instant.parse("2026-03-29T13:00:00Z");
    Instant to = Instant.parse("2026-04-02T00:00:00Z");
    ProfileRows whole = meter(3, Set.of()).rows(ObisCode.LOAD_PROFILE_1, from, to);
    SimulatedMeter split = meter(3, Set.of());
    ProfileRows late = split.rows(ObisCode.LOAD_PROFILE_1, mid.plusSeconds(1), to);
    ProfileRows early = split.rows(ObisCode.LOAD_PROFILE_1, from, mid);
    assertThat(early.size() + late.size()).isEqualTo(whole.size());
    for (int i = 0; i < whole.size(); i++) {
      ProfileRows part = i < early.size() ? early : late;
      int j = i < early.size() ? i : i - early.size();
      assertThat(part.epochSeconds()[j]).isEqualTo(whole.epochSeconds()[i]);
      for (int c = 0; c < 3; c++) {
        assertThat(part.values()[c][j])
            .as("row %d column %d", i, c)
            .isEqualTo(whole.values()[c][i]);
      }
    }
    assertThat(whole.size()).isEqualTo(8 * 96 + 1); // both ends inclusive, UTC grid
  }

  @Test
  void cumulativeImportNeverDecreasesAndStartsFromTheInitialReading() {
    ProfileRows rows =
        meter(4, Set.of()).rows(ObisCode.LOAD_PROFILE_1, Instant.EPOCH, NOW.plusSeconds(86_400));
    assertThat(rows.values()[0][0]).isGreaterThanOrEqualTo(12_345_678L);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.values()[0][i]).isGreaterThanOrEqualTo(rows.values()[0][i - 1]);
      assertThat(rows.epochSeconds()[i] - rows.epochSeconds()[i - 1]).isEqualTo(900);
    }
    assertThat(rows.epochSeconds()[rows.size() - 1]).isLessThanOrEqualTo(NOW.getEpochSecond());
    assertThat(rows.size()).isEqualTo(meter(4, Set.of()).entriesInUse(ObisCode.LOAD_PROFILE_1));
  }

  @Test
  void groundTruthEnergyEqualsTheRegisterAdvance() {
    SimulatedMeter m = meter(8, Set.of(FaultKind.OUTAGE, FaultKind.MISSING_ENTRIES));
    long truth = 0;
    for (LocalDate d = INSTALL; d.isBefore(LocalDate.of(2026, 4, 9)); d = d.plusDays(1)) {
      DayEnergy day = m.dayEnergy(d);
      for (int a = 0; a < day.kinds().size(); a++) {
        for (long e : day.applianceMilliWh()[a]) {
          truth += day.kinds().get(a).generates() ? -e : e;
        }
      }
    }
    long start = INSTALL.atStartOfDay(ZONE).toEpochSecond();
    long end = LocalDate.of(2026, 4, 9).atStartOfDay(ZONE).toEpochSecond();
    long registers =
        (m.importMilliWhAt(end) - m.importMilliWhAt(start))
            - (m.exportMilliWhAt(end) - m.exportMilliWhAt(start));
    assertThat(registers).isEqualTo(truth);
  }

  @Test
  void missingAndOutageRowsAreAbsentAndPowerDownFollowsAnOutage() {
    SimulatedMeter m = meter(21, Set.of(FaultKind.OUTAGE));
    ProfileRows rows = m.rows(ObisCode.LOAD_PROFILE_1, Instant.EPOCH, NOW);
    long absent = 0;
    long powerDowns = 0;
    for (int i = 1; i < rows.size(); i++) {
      long gap = rows.epochSeconds()[i] - rows.epochSeconds()[i - 1];
      if (gap > 900) {
        absent += gap / 900 - 1;
        assertThat(rows.status()[i] & ProfileStatus.POWER_DOWN).isNotZero();
        // no energy while off: the advance is the one interval after the supply returned
        assertThat(rows.values()[0][i] - rows.values()[0][i - 1])
            .isLessThanOrEqualTo(rows.values()[2][i] / 4 + 2);
        powerDowns++;
      }
    }
    long days = 0;
    long expected = 0;
    for (LocalDate d = INSTALL; !d.isAfter(LocalDate.of(2026, 4, 10)); d = d.plusDays(1)) {
      expected += m.dayFaults(d).absentCount();
      days++;
    }
    assertThat(days).isEqualTo(22);
    assertThat(absent).isLessThanOrEqualTo(expected);
    assertThat(expected).isPositive();
    assertThat(powerDowns).isPositive();
  }

  @Test
  void skewedMeterLabelsRowsWithItsOwnClock() {
    SimulatedMeter skewed = meter(30, Set.of(FaultKind.CLOCK_SKEW));
    int skew = skewed.faults().clockSkewSeconds();
    assertThat(skewed.now()).isEqualTo(NOW.plusSeconds(skew));
    Instant t = Instant.parse("2026-04-01T12:00:00Z");
    ProfileRows rows = skewed.rows(ObisCode.LOAD_PROFILE_1, t, t);
    assertThat(rows.size()).isEqualTo(1);
    assertThat(rows.values()[0][0] * 1_000)
        .isLessThanOrEqualTo(skewed.importMilliWhAt(t.getEpochSecond() - skew))
        .isGreaterThan(skewed.importMilliWhAt(t.getEpochSecond() - skew) - 1_000);
  }

  @Test
  void powerQualityProfileServesThreeVoltagesInTenthsOfAVolt() {
    ProfileRows rows =
        meter(5, Set.of())
            .rows(ObisCode.LOAD_PROFILE_2, Instant.parse("2026-04-01T00:00:00Z"), NOW);
    assertThat(rows.size()).isGreaterThan(800);
    for (int p = 0; p < 3; p++) {
      for (long v : rows.values()[p]) {
        assertThat(v).isBetween(1_900L, 2_550L);
      }
    }
  }
}

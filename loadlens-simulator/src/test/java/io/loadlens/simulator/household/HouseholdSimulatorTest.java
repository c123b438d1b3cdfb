package io.loadlens.simulator.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseholdSimulatorTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final Weather weather = new Weather(42, Climate.CENTRAL_EUROPE);
  private final HouseholdSimulator simulator = new HouseholdSimulator(weather, BERLIN, 15);

  @Test
  void sameSeedGivesTheSameHouseholdAndTheSameDay() {
    Household a = Household.generate(1234, Climate.CENTRAL_EUROPE);
    Household b = Household.generate(1234, Climate.CENTRAL_EUROPE);
    assertThat(a).isEqualTo(b);
    LocalDate date = LocalDate.of(2026, 1, 14);
    DayEnergy x = simulator.simulate(a, date, null);
    DayEnergy y =
        new HouseholdSimulator(new Weather(42, Climate.CENTRAL_EUROPE), BERLIN, 15)
            .simulate(b, date, null);
    assertThat(x.importMilliWh()).containsExactly(y.importMilliWh());
    assertThat(x.exportMilliWh()).containsExactly(y.exportMilliWh());
    assertThat(x.applianceMilliWh()).isDeepEqualTo(y.applianceMilliWh());
    assertThat(x.deciVolts()).isDeepEqualTo(y.deciVolts());
  }

  @Test
  void differentSeedsGiveDifferentDays() {
    LocalDate date = LocalDate.of(2026, 1, 14);
    DayEnergy x = simulator.simulate(Household.generate(1, Climate.CENTRAL_EUROPE), date, null);
    DayEnergy y = simulator.simulate(Household.generate(2, Climate.CENTRAL_EUROPE), date, null);
    assertThat(x.importMilliWh()).isNotEqualTo(y.importMilliWh());
  }

  @Test
  void applianceEnergyMinusGenerationEqualsImportMinusExportInEveryInterval() {
    for (long seed = 0; seed < 40; seed++) {
      Household h = Household.generate(seed, Climate.CENTRAL_EUROPE);
      DayEnergy day = simulator.simulate(h, LocalDate.of(2026, 6, 21), null);
      for (int k = 0; k < day.intervals(); k++) {
        long net = 0;
        for (int a = 0; a < day.kinds().size(); a++) {
          long e = day.applianceMilliWh()[a][k];
          net += day.kinds().get(a).generates() ? -e : e;
        }
        assertThat(day.importMilliWh()[k] - day.exportMilliWh()[k])
            .as("seed %d interval %d", seed, k)
            .isEqualTo(net);
      }
    }
  }

  @Test
  void daylightSavingDaysHaveTwentyThreeAndTwentyFiveHours() {
    Household h = Household.generate(7, Climate.CENTRAL_EUROPE);
    assertThat(simulator.simulate(h, LocalDate.of(2026, 3, 29), null).intervals()).isEqualTo(92);
    assertThat(simulator.simulate(h, LocalDate.of(2026, 10, 25), null).intervals()).isEqualTo(100);
    assertThat(simulator.simulate(h, LocalDate.of(2026, 10, 26), null).intervals()).isEqualTo(96);
  }

  @Test
  void outageMinutesConsumeNothingAndReadNoVoltage() {
    Household h = Household.generate(9, Climate.CENTRAL_EUROPE);
    boolean[] off = new boolean[1_440];
    java.util.Arrays.fill(off, 600, 660, true);
    DayEnergy day = simulator.simulate(h, LocalDate.of(2026, 2, 2), off);
    for (int k = 40; k < 44; k++) {
      assertThat(day.importMilliWh()[k]).isZero();
      assertThat(day.deciVolts()[0][k]).isZero();
    }
    assertThat(day.importMilliWh()[39]).isPositive();
  }

  @Test
  void supplyVoltageStaysWithinEn50160BandMostOfTheTime() {
    Household h = Household.generate(5, Climate.CENTRAL_EUROPE);
    DayEnergy day = simulator.simulate(h, LocalDate.of(2026, 5, 5), null);
    for (int k = 0; k < day.intervals(); k++) {
      assertThat(day.deciVolts()[0][k]).isBetween(2_000, 2_530);
    }
  }

  @Test
  void penetrationRatesAreCloseToTheStatedShares() {
    int n = 4_000;
    Map<ApplianceKind, Integer> counts = new EnumMap<>(ApplianceKind.class);
    for (long seed = 0; seed < n; seed++) {
      for (ApplianceKind k : Household.generate(seed * 31 + 7, Climate.CENTRAL_EUROPE).kinds()) {
        counts.merge(k, 1, Integer::sum);
      }
    }
    assertThat(counts.get(ApplianceKind.EV_CHARGER) / (double) n).isBetween(0.12, 0.18);
    assertThat(counts.get(ApplianceKind.ROOFTOP_PV) / (double) n).isBetween(0.17, 0.23);
    assertThat(counts.get(ApplianceKind.HEAT_PUMP) / (double) n).isBetween(0.17, 0.23);
    assertThat(counts.get(ApplianceKind.WATER_HEATER) / (double) n).isBetween(0.27, 0.33);
    assertThat(counts.get(ApplianceKind.REFRIGERATOR)).isEqualTo(n);
  }
}

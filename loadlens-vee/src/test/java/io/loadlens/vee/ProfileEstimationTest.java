package io.loadlens.vee;

import static io.loadlens.vee.Fixtures.STEP;
import static io.loadlens.vee.Fixtures.input;
import static io.loadlens.vee.Fixtures.intervals;
import static io.loadlens.vee.Fixtures.run;
import static io.loadlens.vee.Fixtures.utc;
import static io.loadlens.vee.Fixtures.wavy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The profile estimate of long gaps, on synthetic series whose right answer is known. */
class ProfileEstimationTest {
  private static final Instant MONDAY = Instant.parse("2024-01-08T00:00:00Z");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Validated history of {@code days} days from {@code from}, value per slot start. */
  private static ValidatedSeries history(Instant from, int days, LongToDoubleFunction value) {
    int n = days * 86_400 / STEP;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = from.getEpochSecond() + (long) i * STEP;
      v[i] = value.applyAsDouble(t[i]);
    }
    Quality[] q = new Quality[n];
    java.util.Arrays.fill(q, Quality.VALID);
    return new ValidatedSeries(
        Fixtures.METER,
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        Unit.WATT_HOUR,
        STEP,
        t,
        v,
        q,
        new io.loadlens.model.EstimationMethod[n],
        new long[n],
        "test");
  }

  private static double[] span(int n, IntToDoubleFunction value, int gapFrom, int gapTo) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i >= gapFrom && i < gapTo ? Double.NaN : value.applyAsDouble(i);
    }
    return a;
  }

  @Test
  void similarDaysAreAveragedNotMedianSoTheEstimateIsUnbiased() {
    double[] day = wavy(96);
    // 8 weekdays before the span: one in four ran an appliance all day (+200 Wh per interval)
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(14)),
            14,
            t -> {
              long d = Math.floorDiv(t, 86_400L);
              return day[(int) (Math.floorMod(t, 86_400L) / STEP)] + (d % 4 == 0 ? 200 : 0);
            });
    double[] raw = span(96, i -> Double.NaN, 0, 96);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    // the 8 nearest weekdays (2024-01-05 back to 2023-12-25): which of them carry the +200
    double extra = 0;
    int found = 0;
    for (long d = MONDAY.getEpochSecond() / 86_400L - 1; found < 8; d--) {
      int dow = (int) Math.floorMod(d + 3, 7);
      if (dow < 5) {
        extra += d % 4 == 0 ? 200 : 0;
        found++;
      }
    }
    for (int i = 0; i < 96; i += 7) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i] + extra / 8, within(1e-9));
    }
  }

  @Test
  void saturdayWithoutSaturdaysInTheWindowUsesTheNearestWeekdays() {
    Instant saturday = MONDAY.plus(Duration.ofDays(5));
    double[] day = wavy(96);
    ValidatedSeries h = history(MONDAY, 5, t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    double[] raw = span(96, i -> day[i], 40, 60);
    ValidatedSeries s =
        run(input(utc(), saturday, 96).channel(intervals(saturday, raw, null)).history(h).build())
            .series()
            .get(0);
    for (int i = 40; i < 60; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i], within(1e-9));
    }
  }

  @Test
  void historyBeyondTheSeasonWindowStillGivesTheMetersMeanDay() {
    double[] day = wavy(96);
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(120)),
            3,
            t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    double[] raw = span(96, i -> day[i], 30, 70);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    for (int i = 30; i < 70; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i], within(1e-9));
    }
  }

  @Test
  void deviationAtTheEdgesCarriesIntoTheGap() {
    double[] day = wavy(96);
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(28)),
            28,
            t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    // today the household runs 60 Wh per interval above its usual day, except in a long gap
    double[] raw = span(96, i -> day[i] + 60, 20, 84);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    // next to the edges: above the profile, towards the edges' level (how far: the correlogram)
    assertThat(s.values()[20]).isGreaterThan(day[20] + 5);
    assertThat(s.values()[83]).isGreaterThan(day[83] + 5);
    for (int i = 20; i < 84; i++) {
      assertThat(s.values()[i]).isBetween(day[i] - 1e-9, day[i] + 60 + 1e-9);
    }
  }

  @Test
  void gapOnTheSpringForwardDayFollowsLocalTimeOfDay() {
    Instant from = Instant.parse("2024-03-30T23:00:00Z"); // 2024-03-31 00:00 in Amsterdam
    LongToDoubleFunction byLocalTime =
        t -> {
          int local = Instant.ofEpochSecond(t).atZone(AMSTERDAM).toLocalTime().toSecondOfDay();
          return 50 + local / 900.0; // rises through the local day
        };
    ValidatedSeries h = history(from.minus(Duration.ofDays(14)), 14, byLocalTime);
    int n = 92; // the local day has 23 hours
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      long t = from.getEpochSecond() + (long) i * STEP;
      raw[i] = i >= 16 && i < 40 ? Double.NaN : byLocalTime.applyAsDouble(t);
    }
    ValidatedSeries s =
        run(input(Fixtures.info(AMSTERDAM, 0), from, n)
                .channel(intervals(from, raw, null))
                .history(h)
                .build())
            .series()
            .get(0);
    for (int i = 16; i < 40; i++) {
      long t = from.getEpochSecond() + (long) i * STEP;
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(byLocalTime.applyAsDouble(t), within(1e-9));
    }
  }
}

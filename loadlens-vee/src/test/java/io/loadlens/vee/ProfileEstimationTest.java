package io.loadlens.vee;

import static io.loadlens.vee.Fixtures.STEP;
import static io.loadlens.vee.Fixtures.input;
import static io.loadlens.vee.Fixtures.intervals;
import static io.loadlens.vee.Fixtures.run;
import static io.loadlens.vee.Fixtures.smoothDay;
import static io.loadlens.vee.Fixtures.utc;
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
  void theProfileIsScaledToTheLevelAroundTheGap() {
    double[] day = smoothDay(96);
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(28)),
            28,
            t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    // this week the household uses half as much again as in its history, a long gap on Tuesday
    double[] raw = span(3 * 96, i -> 1.5 * day[i % 96], 96 + 20, 96 + 80);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 3 * 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    for (int i = 96 + 20; i < 96 + 80; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(1.5 * day[i % 96], within(0.5));
    }
  }

  @Test
  void longGapInsideAVacancyTakesTheLowestLevelFromTheKeptZeros() {
    double[] day = smoothDay(96);
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(28)),
            28,
            t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    // Monday as usual, then nobody home from Tuesday to Thursday; ten hours lost on Wednesday
    int a = 2 * 96 + 40;
    int b = 2 * 96 + 80;
    double[] raw = span(4 * 96, i -> i < 96 ? day[i] : 0, a, b);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 4 * 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    assertThat(s.quality()[a - 1]).isEqualTo(Quality.SUSPECT); // zero run, kept
    for (int i = a; i < b; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i % 96] / 2, within(0.5));
    }
  }

  @Test
  void saturdayWithoutSaturdaysInTheWindowUsesTheNearestWeekdays() {
    Instant saturday = MONDAY.plus(Duration.ofDays(5));
    double[] day = smoothDay(96);
    ValidatedSeries h = history(MONDAY, 5, t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    double[] raw = span(96, i -> day[i], 40, 60);
    ValidatedSeries s =
        run(input(utc(), saturday, 96).channel(intervals(saturday, raw, null)).history(h).build())
            .series()
            .get(0);
    for (int i = 40; i < 60; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i], within(0.2));
    }
  }

  @Test
  void historyBeyondTheSeasonWindowStillGivesTheMetersMeanDay() {
    double[] day = Fixtures.wavy(96);
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
    double[] day = smoothDay(96);
    ValidatedSeries h =
        history(
            MONDAY.minus(Duration.ofDays(28)),
            28,
            t -> day[(int) (Math.floorMod(t, 86_400L) / STEP)]);
    // on Tuesday the household runs 60 Wh above its usual day for an hour on each side of a gap
    int a = 96 + 20;
    int b = 96 + 84;
    double[] raw = span(3 * 96, i -> day[i % 96] + (i >= a - 4 && i < b + 4 ? 60 : 0), a, b);
    ValidatedSeries s =
        run(input(utc(), MONDAY, 3 * 96).channel(intervals(MONDAY, raw, null)).history(h).build())
            .series()
            .get(0);
    // next to the edges: above the profile, towards the edges' level (how far: the correlogram)
    assertThat(s.values()[a]).isGreaterThan(day[a % 96] + 20);
    assertThat(s.values()[b - 1]).isGreaterThan(day[(b - 1) % 96] + 20);
    // deep inside, back near the profile (the level of two days moved by about 2 %)
    int mid = (a + b) / 2;
    assertThat(s.values()[mid]).isCloseTo(day[mid % 96], within(0.05 * day[mid % 96]));
    for (int i = a; i < b; i++) {
      assertThat(s.values()[i]).isBetween(0.9 * day[i % 96], day[i % 96] * 1.1 + 60);
    }
  }

  @Test
  void aMeterWhoseLevelChangesFromDayToDayIsInterpolatedAcrossALongGap() {
    // no daily shape, a new level every day: artificial gaps on the other days show that the
    // edges of a gap within a day give its value, the similar days do not (no flat-line finding)
    int days = 40;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    double[] level = new double[days];
    for (int d = 0; d < days; d++) {
      level[d] = 50 + rnd.nextInt(200);
    }
    int a = 20 * 96 + 30;
    int b = a + 40;
    // a wobble of up to 1 Wh, or VEE would flag every day as a flat line
    double[] wobble = new double[days * 96];
    for (int i = 0; i < wobble.length; i++) {
      wobble[i] = rnd.nextDouble();
    }
    double[] raw = span(days * 96, i -> level[i / 96] + wobble[i], a, b);
    ValidatedSeries s =
        run(input(utc(), MONDAY, days * 96).channel(intervals(MONDAY, raw, null)).build())
            .series()
            .get(0);
    for (int i = a; i < b; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.INTERPOLATED);
      assertThat(s.reasons()[i] & ValidationReason.LONG_GAP.bit()).isNotZero();
      assertThat(s.values()[i]).isCloseTo(level[20] + 0.5, within(0.5));
    }
  }

  @Test
  void gapOnTheSpringForwardDayFollowsLocalTimeOfDay() {
    // 2024-03-31 in Amsterdam: 23 hours, 92 quarter hours from 00:00 local (23:00Z)
    gapOnDayFollowsLocalTimeOfDay(Instant.parse("2024-03-30T23:00:00Z"), 92);
  }

  @Test
  void gapOnTheFallBackDayFollowsLocalTimeOfDay() {
    // 2024-10-27 in Amsterdam: 25 hours, 100 quarter hours from 00:00 local (22:00Z)
    gapOnDayFollowsLocalTimeOfDay(Instant.parse("2024-10-26T22:00:00Z"), 100);
  }

  /**
   * A gap in the morning of a DST change day, after the change: every estimate follows the local
   * time of day (a shape in UTC time would be an hour off, up to 12 Wh here).
   */
  private static void gapOnDayFollowsLocalTimeOfDay(Instant from, int n) {
    LongToDoubleFunction byLocalTime =
        t -> {
          int local = Instant.ofEpochSecond(t).atZone(AMSTERDAM).toLocalTime().toSecondOfDay();
          return Fixtures.smoothAt(local / 86_400.0);
        };
    ValidatedSeries h = history(from.minus(Duration.ofDays(28)), 28, byLocalTime);
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
      assertThat(s.values()[i]).isCloseTo(byLocalTime.applyAsDouble(t), within(0.5));
    }
  }
}

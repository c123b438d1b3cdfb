package io.loadlens.vee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The choice of a gap's estimate on artificial gaps in the meter's own data. */
class SelfValidationTest {
  private static final int DAY = 96;

  private static SelfValidation selection(double[] values) {
    Work w = GapCandidatesTest.work(values);
    ProfileSource p = GapCandidatesTest.profile(w);
    return new SelfValidation(w, p, new GapCandidates(w, w.anchor, p, Correlogram.none()), 56);
  }

  /** Every day the same shape, with a gap of {@code len} at {@code a}. */
  private static double[] repeatingDays(int days, int a, int len) {
    double[] v = new double[days * DAY];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + 50 * Math.sin(2 * Math.PI * (i % DAY) / DAY);
    }
    Arrays.fill(v, a, a + len, Double.NaN);
    return v;
  }

  @Test
  void artificialGapsStartAtTheSameTimeOnTheNearestCompleteDays() {
    int a = 20 * DAY + 40;
    double[] v = repeatingDays(40, a, 16);
    v[19 * DAY + 45] = Double.NaN; // the day before is incomplete inside the window
    v[21 * DAY + 39] = Double.NaN; // the day after lacks the artificial gap's left neighbour
    v[22 * DAY + 56] = Double.NaN; // two days after lacks its right neighbour
    int[] starts = selection(v).placements(a, 16);
    assertThat(starts)
        .startsWith(18 * DAY + 40, 17 * DAY + 40, 23 * DAY + 40, 16 * DAY + 40, 24 * DAY + 40)
        .hasSize(SelfValidation.PLACEMENTS);
  }

  @Test
  void longGapsTakeFewerPlacementsNoneOverlappingTheGap() {
    int a = 30 * DAY + 10;
    int len = 4 * DAY;
    int[] starts = selection(repeatingDays(70, a, len)).placements(a, len);
    assertThat(starts).hasSize(SelfValidation.MIN_PLACEMENTS);
    for (int s : starts) {
      assertThat(s + len < a - 1 || s > a + len).as("placement at %d", s).isTrue();
      assertThat(s % DAY).isEqualTo(10);
    }
  }

  @Test
  void onADstChangeArtificialGapsFollowLocalTimeOfDay() {
    // Amsterdam, from 2024-03-25 00:00 local: the 31st has 92 quarter hours
    ZoneId zone = ZoneId.of("Europe/Amsterdam");
    long from = Instant.parse("2024-03-24T23:00:00Z").getEpochSecond();
    int n = 14 * DAY - 4;
    double[] v = new double[n];
    Arrays.fill(v, 100);
    Work w = new Work(n, from, 900, false);
    double[] ext = new double[n];
    for (int i = 0; i < n; i++) {
      w.value[i] = v[i];
      w.anchor[i] = true;
      ext[i] = v[i];
    }
    // a gap at 06:00 local on 2 April (04:00Z)
    int a = (int) ((Instant.parse("2024-04-02T04:00:00Z").getEpochSecond() - from) / 900);
    Arrays.fill(ext, a, a + 16, Double.NaN);
    Arrays.fill(w.anchor, a, a + 16, false);
    ProfileSource p = new ProfileSource(ext, 0, zone.getRules(), from, 900, 24, 56, null);
    SelfValidation s =
        new SelfValidation(w, p, new GapCandidates(w, w.anchor, p, Correlogram.none()), 56);
    int[] starts = s.placements(a, 16);
    assertThat(starts).hasSizeGreaterThan(SelfValidation.MIN_PLACEMENTS);
    for (int start : starts) {
      Instant t = Instant.ofEpochSecond(from + start * 900L);
      assertThat(t.atZone(zone).toLocalTime().toString()).isEqualTo("06:00");
    }
    // before the change 06:00 local is 05:00Z
    assertThat(Instant.ofEpochSecond(from + starts[0] * 900L).toString())
        .isEqualTo("2024-04-01T04:00:00Z");
    assertThat(Arrays.stream(starts).mapToObj(x -> Instant.ofEpochSecond(from + x * 900L)))
        .contains(Instant.parse("2024-03-30T05:00:00Z"));
  }

  @Test
  void aRepeatingDayWithNoiseKeepsTheBridge() {
    int a = 20 * DAY + 12;
    double[] v = repeatingDays(40, a, 24);
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < v.length; i++) {
      v[i] += rnd.nextDouble(-20, 20);
    }
    SelfValidation s = selection(v);
    assertThat(s.choose(a, a + 24, false)).isEqualTo(GapCandidates.BRIDGE);
    assertThat(s.choose(a, a + 24, true)).isEqualTo(GapCandidates.BRIDGE);
  }

  @Test
  void aMeterWhoseLevelChangesFromDayToDayIsInterpolated() {
    // no daily shape, a new level every day: the edges of a gap within a day give its value
    SplittableRandom rnd = new SplittableRandom(7);
    double[] v = new double[40 * DAY];
    for (int d = 0; d < 40; d++) {
      Arrays.fill(v, d * DAY, (d + 1) * DAY, 50 + rnd.nextInt(200));
    }
    int a = 20 * DAY + 30;
    Arrays.fill(v, a, a + 40, Double.NaN);
    assertThat(selection(v).choose(a, a + 40, false)).isEqualTo(GapCandidates.LINEAR);
  }

  @Test
  void tooFewPlacementsKeepTheBridge() {
    double[] v = new double[5 * DAY];
    for (int d = 0; d < 5; d++) {
      Arrays.fill(v, d * DAY, (d + 1) * DAY, 50 + 40 * d);
    }
    int a = 2 * DAY + 30;
    Arrays.fill(v, a, a + 40, Double.NaN);
    SelfValidation s = selection(v);
    assertThat(s.placements(a, 40)).hasSizeLessThan(SelfValidation.MIN_PLACEMENTS);
    assertThat(s.choose(a, a + 40, false)).isEqualTo(GapCandidates.BRIDGE);
  }

  @Test
  void aCandidateMustBeatTheBridgeBeyondChance() {
    double[] base = {10, 20, 30, 40, 50, 60, 70, 80};
    // lower on average, but by noise: +9 and -10 in turn
    double[] noisy = {19, 10, 39, 30, 59, 50, 79, 70};
    assertThat(SelfValidation.clearlyBetter(noisy, base, 8)).isFalse();
    double[] steady = {8, 18, 27, 39, 47, 58, 69, 77};
    assertThat(SelfValidation.clearlyBetter(steady, base, 8)).isTrue();
    assertThat(SelfValidation.clearlyBetter(base, base, 8)).isFalse();
  }
}

package io.loadlens.vee.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The candidate estimates of one gap, each made from what lies outside the gap only. */
class GapCandidatesTest {
  private static final int STEP = 900;
  private static final int DAY = 96;
  private static final long MONDAY = Instant.parse("2024-01-08T00:00:00Z").getEpochSecond();

  /** A span of valid values (NaN: not valid) with its profile, without history. */
  static GapCandidates candidates(double[] values, Correlogram correlogram) {
    Work w = work(values);
    return new GapCandidates(w, w.anchor, profile(w), correlogram);
  }

  static Work work(double[] values) {
    Work w = new Work(values.length, MONDAY, STEP, false);
    for (int i = 0; i < values.length; i++) {
      w.value[i] = values[i];
      w.anchor[i] = !Double.isNaN(values[i]);
    }
    return w;
  }

  static ProfileSource profile(Work w) {
    double[] ext = new double[w.n];
    for (int i = 0; i < w.n; i++) {
      ext[i] = w.anchor[i] ? w.value[i] : Double.NaN;
    }
    return new ProfileSource(ext, 0, ZoneOffset.UTC.getRules(), w.from, STEP, 24, 56, null);
  }

  private static double[][] compute(GapCandidates c, int a, int b) {
    double[][] out = new double[GapCandidates.COUNT][b - a];
    assertThat(c.compute(a, b, out)).isTrue();
    return out;
  }

  @Test
  void edgesAboveAndBelowTheProfileGiveEachCandidateItsShape() {
    double[] v = new double[28 * DAY];
    Arrays.fill(v, 100);
    int a = 14 * DAY + 40;
    int b = a + 16;
    Arrays.fill(v, a, b, Double.NaN);
    v[a - 2] = 140;
    v[a - 1] = 140;
    v[b] = 60;
    v[b + 1] = 60;
    // the edges add 2 * 40 - 2 * 40 = 0 Wh: the level of the day around the gap stays 1
    double[][] out = compute(candidates(v, Correlogram.none()), a, b);
    for (int k = 0; k < b - a; k++) {
      double f = (k + 1) / 17.0;
      double linear = 140 + (60 - 140) * f;
      assertThat(out[GapCandidates.LEVEL][k]).isCloseTo(100, within(1e-9));
      // without persistence the bridge is the scaled profile
      assertThat(out[GapCandidates.BRIDGE][k]).isCloseTo(100, within(1e-9));
      assertThat(out[GapCandidates.LINEAR][k]).isCloseTo(linear, within(1e-9));
      assertThat(out[GapCandidates.BLEND_25][k]).isCloseTo(25 + 0.75 * linear, within(1e-9));
      assertThat(out[GapCandidates.BLEND_50][k]).isCloseTo(50 + 0.5 * linear, within(1e-9));
      assertThat(out[GapCandidates.BLEND_75][k]).isCloseTo(75 + 0.25 * linear, within(1e-9));
      // a flat profile plus the edges' deviations (+40, -40) interpolated: linear again
      assertThat(out[GapCandidates.RESIDUAL][k]).isCloseTo(linear, within(1e-9));
    }
  }

  @Test
  void residualCandidateKeepsTheSimilarDaysShapeBetweenTheEdgeLevels() {
    double[] v = new double[28 * DAY];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + 50 * Math.sin(2 * Math.PI * (i % DAY) / DAY);
    }
    int a = 14 * DAY + 12; // across the peak at slot 24
    int b = a + 24;
    double[] day = v.clone();
    Arrays.fill(v, a, b, Double.NaN);
    GapCandidates c = candidates(v, Correlogram.none());
    double[][] out = compute(c, a, b);
    for (int k = 0; k < b - a; k++) {
      // the day repeats: every profile candidate is the day itself (up to the profile's smoothing)
      assertThat(out[GapCandidates.RESIDUAL][k]).isCloseTo(day[a + k], within(0.2));
      assertThat(out[GapCandidates.BRIDGE][k]).isCloseTo(day[a + k], within(0.2));
    }
    // linear interpolation cuts across the sine
    assertThat(out[GapCandidates.LINEAR][12]).isNotCloseTo(day[a + 12], within(10.0));
  }

  @Test
  void valuesInsideTheGapAreNeverRead() {
    double[] v = new double[28 * DAY];
    for (int i = 0; i < v.length; i++) {
      v[i] = 80 + (i * 37 % 101);
    }
    int a = 10 * DAY + 50;
    int b = a + 20;
    // the same slots once as a real gap and once as an artificial gap over valid values
    double[] withGap = v.clone();
    Arrays.fill(withGap, a, b, Double.NaN);
    double[][] real = compute(candidates(withGap, Correlogram.none()), a, b);
    double[] garbage = withGap.clone();
    Arrays.fill(garbage, a, b, 5_000);
    Work w = work(garbage);
    // the profile must not see the gap either, as for a real gap
    GapCandidates c = new GapCandidates(w, w.anchor, profile(work(withGap)), Correlogram.none());
    double[][] artificial = compute(c, a, b);
    for (int k = 0; k < GapCandidates.COUNT; k++) {
      assertThat(artificial[k]).containsExactly(real[k], within(1e-9));
    }
  }

  @Test
  void outageIntervalsAreNeverEdges() {
    double[] v = new double[28 * DAY];
    Arrays.fill(v, 100);
    int a = 14 * DAY + 40;
    int b = a + 16;
    Arrays.fill(v, a, b, Double.NaN);
    Work w = work(v);
    // the interval before the gap reads 900 Wh but carries an outage: kept, never an anchor
    w.value[a - 1] = 900;
    w.anchor[a - 1] = false;
    GapCandidates c = new GapCandidates(w, w.anchor, profile(w), Correlogram.none());
    assertThat(c.edgeValue(a - 1)).isNaN();
    double[][] out = compute(c, a, b);
    for (int k = 0; k < b - a; k++) {
      assertThat(out[GapCandidates.LINEAR][k]).isCloseTo(100, within(1e-9));
      assertThat(out[GapCandidates.RESIDUAL][k]).isCloseTo(100, within(1e-9));
    }
  }
}

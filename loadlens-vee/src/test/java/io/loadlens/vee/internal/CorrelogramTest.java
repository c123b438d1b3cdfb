package io.loadlens.vee.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelogramTest {

  /** An AR(1) series x[t] = phi x[t-1] + noise, whose lag-k autocorrelation is phi^k. */
  private static double[] ar1(double phi, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int t = 1; t < n; t++) {
      x[t] = phi * x[t - 1] + (rnd.nextDouble() - 0.5);
    }
    return x;
  }

  @Test
  void recoversTheAutocorrelationOfAnAr1Series() {
    Correlogram c = Correlogram.of(ar1(0.8, 200_000, 7), 96);
    assertThat(c.at(0)).isEqualTo(1.0);
    assertThat(c.at(1)).isCloseTo(0.8, within(0.01));
    assertThat(c.at(3)).isCloseTo(0.512, within(0.02));
    assertThat(c.at(500)).isZero(); // beyond the estimated lags: uncorrelated
  }

  @Test
  void whiteNoiseCarriesNothingIntoTheGap() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[] x = new double[100_000];
    for (int t = 0; t < x.length; t++) {
      x[t] = rnd.nextDouble() - 0.5;
    }
    Correlogram c = Correlogram.of(x, 10);
    assertThat(c.predict(1, 100, 5, -40)).isCloseTo(0, within(2.0));
  }

  @Test
  void unknownValuesAreSkippedAndTooFewPairsMeanNoCorrelation() {
    double[] x = new double[40];
    java.util.Arrays.fill(x, Double.NaN);
    for (int t = 0; t < 10; t++) {
      x[t] = t % 2 == 0 ? 1 : 2;
    }
    Correlogram c = Correlogram.of(x, 5);
    assertThat(c.at(1)).isZero(); // 9 pairs < MIN_PAIRS
  }

  @Test
  void bothEdgesWeighTheirOwnCorrelationAndTheOneBetweenThem() {
    double[] persistent = new double[1000];
    for (int t = 0; t < persistent.length; t++) {
      persistent[t] = 10; // a constant offset: correlation clamped at MAX_RHO at every lag
    }
    Correlogram c = Correlogram.of(persistent, 50);
    double rho = Correlogram.MAX_RHO;
    double wl = (rho - rho * rho) / (1 - rho * rho);
    // equal residuals on both sides: the predictor keeps a large share of the shared offset
    assertThat(c.predict(3, 10, 4, 10)).isCloseTo(2 * wl * 10, within(1e-9));
    assertThat(c.predict(3, 10, 4, 10)).isBetween(9.0, 10.0);
    // one edge only: the correlation times the edge residual
    assertThat(c.predict(3, 10, 4, Double.NaN)).isCloseTo(rho * 10, within(1e-9));
    assertThat(c.predict(3, Double.NaN, 4, Double.NaN)).isZero();
    assertThat(Correlogram.none().predict(1, 10, 1, 10)).isZero();
  }

  @Test
  void krigingFromOneIntervalEachSideMatchesTheTwoEdgeFormula() {
    Correlogram c = Correlogram.of(ar1(0.8, 200_000, 11), 96);
    int[] pos = {9, 20};
    double[] z = c.solve(pos, new double[] {30, -10}, 2);
    for (int i = 10; i < 20; i++) {
      assertThat(c.krige(i, pos, z)).isCloseTo(c.predict(i - 9, 30, 20 - i, -10), within(0.1));
    }
  }

  @Test
  void krigingReproducesTheEdgeValuesAndFadesInsideALongGap() {
    Correlogram c = Correlogram.of(ar1(0.8, 200_000, 13), 96);
    int[] pos = {0, 1, 2, 3};
    double[] res = {8, 9, 10, 12};
    double[] z = c.solve(pos, res, 4);
    assertThat(c.krige(3, pos, z)).isCloseTo(12, within(0.1)); // at a known point: its value
    assertThat(Math.abs(c.krige(60, pos, z))).isLessThan(0.01); // far away: back to the profile
  }
}

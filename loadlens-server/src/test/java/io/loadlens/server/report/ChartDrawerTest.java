package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChartDrawerTest {

  @Test
  void shortSeriesAreDrawnAsTheyAre() {
    double[] x = {0, 1, 2};
    double[] y = {5, Double.NaN, 7};
    double[][] e = ChartDrawer.envelope(x, y, 10);
    assertThat(e[0]).containsExactly(x);
    assertThat(e[1]).containsExactly(y);
  }

  @Test
  void longSeriesKeepTheirMinimumAndMaximumInEachColumn() {
    int n = 35_040;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 900.0;
      y[i] = 100 + 50 * Math.sin(i * 0.3) + (i == 12_345 ? 400 : 0) - (i == 30_000 ? 90 : 0);
    }
    double[][] e = ChartDrawer.envelope(x, y, 500);
    assertThat(e[0].length).isLessThanOrEqualTo(1000);
    assertThat(Arrays.stream(e[1]).max().orElseThrow()).isEqualTo(y[12_345]);
    assertThat(Arrays.stream(e[1]).min().orElseThrow()).isEqualTo(y[30_000]);
    for (int i = 1; i < e[0].length; i++) {
      assertThat(e[0][i]).isGreaterThan(e[0][i - 1]);
    }
  }

  @Test
  void columnsWithoutValuesBecomeGaps() {
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      y[i] = i >= 400 && i < 600 ? Double.NaN : 1;
    }
    double[][] e = ChartDrawer.envelope(x, y, 100);
    assertThat(Arrays.stream(e[1]).filter(Double::isNaN).count()).isGreaterThan(0);
  }

  @Test
  void seriesWithUnequalLengthsAreRejectedNamingTheSeries() {
    assertThatThrownBy(
            () ->
                new ChartDrawer.Series("fleet", java.awt.Color.BLUE, new double[2], new double[3]))
        .hasMessage("series fleet: 2 x values but 3 y values");
  }
}

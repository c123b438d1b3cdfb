package io.loadlens.simulator.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealismEvaluationTest {

  @Test
  void syntheticHouseholdsUseAboutAsMuchAsTheRealSgscHouseholds() throws Exception {
    String shared = System.getProperty("loadlens.shared");
    assumeTrue(shared != null, "loadlens.shared is not set");
    Path file = Path.of(shared, "data", "sgsc50.csv.gz");
    assumeTrue(Files.isReadable(file), file + " is absent");
    RealismEvaluation.Figures real = RealismEvaluation.figures(RealismEvaluation.readSgsc(file));
    RealismEvaluation.Figures synthetic =
        RealismEvaluation.figures(RealismEvaluation.synthesise(20, 120, 2013));
    double realMedian = RealismEvaluation.quantile(real.dailyKwhPerHousehold(), 0.5);
    double syntheticMedian = RealismEvaluation.quantile(synthetic.dailyKwhPerHousehold(), 0.5);
    assertThat(syntheticMedian).isBetween(realMedian / 1.5, realMedian * 1.5);
    assertThat(RealismEvaluation.quantile(synthetic.dailyPeakKw(), 0.5))
        .isBetween(
            RealismEvaluation.quantile(real.dailyPeakKw(), 0.5) / 1.5,
            RealismEvaluation.quantile(real.dailyPeakKw(), 0.5) * 1.5);
    assertThat(RealismEvaluation.correlation(real.shape(), synthetic.shape())).isGreaterThan(0.7);
  }
}

package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.insights.bench.InsightBenchmark;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EnergyConservationProperties {

  @Property(tries = 30)
  void totalsPeriodsAndDailyEnergyAllAddUpToTheInput(
      @ForAll @IntRange(min = 3, max = 40) int days,
      @ForAll @IntRange(min = 0, max = 2) int intervalChoice,
      @ForAll @DoubleRange(min = 0.05, max = 5) double scale,
      @ForAll long seed) {
    int interval = new int[] {900, 1800, 3600}[intervalChoice];
    java.util.Random rnd = new java.util.Random(seed);
    ValidatedSeries s =
        Synthetic.series(
            "p",
            LocalDate.of(2024, 3, 20),
            days,
            interval,
            Synthetic.BRUSSELS,
            (t, i) -> rnd.nextInt(50) == 0 ? Double.NaN : scale * rnd.nextDouble());
    double inputKwh = Arrays.stream(s.values()).filter(v -> !Double.isNaN(v)).sum() / 1000;
    ConsumerInsights c =
        InsightEngine.analyse(ConsumerInput.of(s, Synthetic.BRUSSELS), InsightConfig.defaults());
    Consumption k = c.consumption();
    assertThat(k.totalKwh()).isCloseTo(inputKwh, within(1e-3 + 1e-9 * inputKwh));
    double monthly = k.monthly().stream().mapToDouble(Consumption.PeriodTotal::kwh).sum();
    double weekly = k.weekly().stream().mapToDouble(Consumption.PeriodTotal::kwh).sum();
    assertThat(monthly).isCloseTo(inputKwh, within(0.01 * k.monthly().size() + 1e-6));
    assertThat(weekly).isCloseTo(inputKwh, within(0.01 * k.weekly().size() + 1e-6));
    assertThat(c.peaks().maxKw()).isLessThanOrEqualTo(scale + 1e-9);
    assertThat(c.loadShape().loadFactor()).isBetween(0.0, 1.0);
    assertThat(c.tariffs().costs().get(0).totalEur()).isCloseTo(inputKwh * 0.30, within(0.01));
  }

  @Test
  void benchmarkAnalysesEveryValueItGenerates() throws Exception {
    InsightBenchmark.Result r = InsightBenchmark.run(3, 10);
    assertThat(r.values()).isEqualTo(3L * 10 * 96);
    assertThat(r.analyseCpuSeconds()).isPositive();
  }
}

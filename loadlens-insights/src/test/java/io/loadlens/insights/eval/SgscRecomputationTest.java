package io.loadlens.insights.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine against the simple recomputation on real SGSC households; skipped without the data. */
class SgscRecomputationTest {

  @Test
  void peaksBaseLoadAndLoadFactorMatchARecomputationFromTheRawRows() throws Exception {
    String shared = System.getProperty("loadlens.shared");
    assumeTrue(shared != null, "loadlens.shared not set");
    Path file = Path.of(shared, "data", "sgsc50.csv.gz");
    assumeTrue(Files.isReadable(file), "no " + file);
    Map<String, List<SgscData.Row>> raw = SgscData.read(file);
    InsightConfig cfg = InsightConfig.defaults();
    int checked = 0;
    for (var e : raw.entrySet()) {
      if (checked++ == 5) {
        break;
      }
      ConsumerInsights c =
          InsightEngine.analyse(
              ConsumerInput.of(SgscData.series(e.getKey(), e.getValue(), false), SgscData.SYDNEY),
              cfg);
      SimpleRecompute.Figures f =
          SimpleRecompute.of(
              e.getValue(), cfg.baseLoadPercentile(), cfg.nightStartHour(), cfg.nightEndHour());
      assertThat(c.peaks().maxKw()).as(e.getKey()).isCloseTo(f.peakKw(), within(5e-4));
      assertThat(c.peaks().maxAt()).as(e.getKey()).startsWith(f.peakLocal());
      assertThat(c.baseLoad().baseLoadW()).as(e.getKey()).isCloseTo(f.baseLoadW(), within(0.05));
      assertThat(c.loadShape().loadFactor()).as(e.getKey()).isCloseTo(f.loadFactor(), within(5e-5));
    }
    assertThat(checked).isEqualTo(6);
  }
}

package io.loadlens.store;

import static io.loadlens.store.Fixtures.ENERGY;
import static io.loadlens.store.Fixtures.at;
import static io.loadlens.store.Fixtures.batch;
import static io.loadlens.store.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest extends StoreContractTest {
  @TempDir Path dir;
  private int n;

  @Override
  protected Store openEmpty() {
    return Stores.open("duckdb:" + dir.resolve("t" + (++n) + ".duckdb"), dir);
  }

  /**
   * Only rows at or before a channel's latest stored time are matched against the stored rows; the
   * latest time is read from the file when it is opened, so a re-send after a restart is still
   * matched: a gap before the latest time is filled, the rest counted, a changed value recorded.
   */
  @Test
  void reSendAfterReopeningFillsTheGapAndRecordsTheChangedValue() {
    Path file = dir.resolve("reopen.duckdb");
    MeterId m = MeterId.of("meter-r");
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      s.ingest(List.of(batch(series("meter-r", 0, 5)), batch(series("meter-r", 10, 5))));
    }
    IntervalSeries all = series("meter-r", 0, 15);
    double[] v = all.values().clone();
    v[2] += 1;
    IntervalSeries changed = IntervalSeries.of(m, ENERGY, all.unit(), all.epochSeconds(), v);
    try (Store s = Stores.open("duckdb:" + file, dir)) {
      IngestResult r = s.ingest(List.of(batch(changed)));
      assertThat(r).isEqualTo(new IngestResult(15, 5, 9, 1));
      assertThat(s.readRaw(m, ENERGY, null, null)).isEqualTo(all);
      assertThat(s.conflicts(m)).hasSize(1);
      assertThat(s.conflicts(m).get(0).timestamp()).isEqualTo(at(2));
    }
  }
}

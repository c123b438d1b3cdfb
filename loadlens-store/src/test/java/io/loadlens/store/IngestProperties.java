package io.loadlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the order, grouping and repetition of re-sent batches, the stored table is the one the
 * batches give sent once each. Each try uses its own meter ids, so one store serves all tries.
 */
abstract class IngestProperties {
  private static final AtomicInteger TRY = new AtomicInteger();

  abstract Store store();

  @Property(tries = 25)
  void anyInterleavingOfDuplicateAndReorderedBatchesGivesTheSameTable(
      @ForAll @IntRange(min = 1, max = 3) int meters,
      @ForAll @IntRange(min = 1, max = 6) int batchesPerMeter,
      @ForAll @IntRange(min = 0, max = 8) int extraSends,
      @ForAll @IntRange(min = 1, max = 4) int maxPerCall,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    String prefix = "p" + TRY.incrementAndGet() + "-";
    List<ReadingBatch> distinct = new ArrayList<>();
    for (int m = 0; m < meters; m++) {
      for (int b = 0; b < batchesPerMeter; b++) {
        // overlapping windows: batch b covers intervals [3b, 3b + 5)
        distinct.add(Fixtures.batch(Fixtures.series(prefix + m, 3 * b, 5)));
      }
    }
    List<ReadingBatch> sends = new ArrayList<>(distinct);
    for (int i = 0; i < extraSends; i++) {
      sends.add(distinct.get(rnd.nextInt(distinct.size())));
    }
    Collections.shuffle(sends, rnd);
    long inserted = 0;
    for (int i = 0; i < sends.size(); ) {
      int n = Math.min(sends.size() - i, 1 + rnd.nextInt(maxPerCall));
      IngestResult r = store().ingest(sends.subList(i, i + n));
      assertThat(r.conflicts()).isZero();
      assertThat(r.inserted() + r.duplicates()).isEqualTo(r.offered());
      inserted += r.inserted();
      i += n;
    }
    int intervals = 3 * (batchesPerMeter - 1) + 5;
    assertThat(inserted).isEqualTo((long) meters * intervals);
    for (int m = 0; m < meters; m++) {
      IntervalSeries got = store().readRaw(MeterId.of(prefix + m), Fixtures.ENERGY, null, null);
      assertThat(got).isEqualTo(Fixtures.series(prefix + m, 0, intervals));
    }
  }
}

package io.loadlens.app.pipeline;

import io.loadlens.model.ReadingBatch;
import io.loadlens.store.IngestResult;
import io.loadlens.store.Store;
import io.loadlens.transport.BatchSink;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest side's end: writes delivered batches to the store in one transaction and counts what
 * was new. The transport acknowledges a message only after {@link #write} returns.
 */
public final class StoreSink implements BatchSink {
  private final Store store;
  private final InstantSource clock;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();

  public StoreSink(Store store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void write(List<ReadingBatch> batches) {
    IngestResult r = store.ingest(batches);
    offered.addAndGet(r.offered());
    inserted.addAndGet(r.inserted());
    duplicates.addAndGet(r.duplicates());
    conflicts.addAndGet(r.conflicts());
  }

  @Override
  public void deadLetter(String source, String reason, byte[] payload) {
    store.recordDeadLetter(clock.instant(), source, reason, payload);
  }

  /** What was written so far. */
  public IngestResult total() {
    return new IngestResult(offered.get(), inserted.get(), duplicates.get(), conflicts.get());
  }
}

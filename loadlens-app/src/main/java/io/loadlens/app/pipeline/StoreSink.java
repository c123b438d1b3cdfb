package io.loadlens.app.pipeline;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.IngestResult;
import io.loadlens.store.Store;
import io.loadlens.transport.BatchSink;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest side's end: writes delivered batches to the store in one transaction and counts what
 * was new; meters the registry does not know yet are added to it first. The transport acknowledges
 * a message only after {@link #write} returns.
 */
public final class StoreSink implements BatchSink {
  private final Store store;
  private final InstantSource clock;
  private final MeterRegistrar registrar;
  private final ReadingsMirror mirror;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();

  /** A sink that registers meters it has not seen in {@code zone}, grouped by their source. */
  public StoreSink(Store store, InstantSource clock, ZoneId zone) {
    this(store, clock, zone, ReadingsMirror.NONE);
  }

  /** The same, handing every committed batch to {@code mirror} too. */
  public StoreSink(Store store, InstantSource clock, ZoneId zone, ReadingsMirror mirror) {
    this.store = store;
    this.clock = clock;
    this.registrar = new MeterRegistrar(store, zone, null);
    this.mirror = mirror;
  }

  @Override
  public void write(List<ReadingBatch> batches) {
    registrar.register(batches);
    IngestResult r = store.ingest(batches);
    mirror.committed(batches);
    offered.addAndGet(r.offered());
    inserted.addAndGet(r.inserted());
    duplicates.addAndGet(r.duplicates());
    conflicts.addAndGet(r.conflicts());
  }

  /** Meter events from a remote gateway; the store keeps each once, so re-delivery is harmless. */
  @Override
  public void writeEvents(List<MeterEvent> events) {
    store.recordEvents(events);
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

package io.loadlens.app.pipeline;

import io.loadlens.model.ReadingBatch;
import io.loadlens.store.IngestResult;
import io.loadlens.store.Store;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes readings from a live source (a P1 port, a wM-Bus receiver, a Zigbee gateway) to the store
 * in groups: when {@code maxBatches} are waiting or every {@code maxDelay}, whichever comes first,
 * in one transaction (a commit per telegram would cost more than the telegram). Meters seen for the
 * first time are added to the registry. Readings still waiting when the process dies are lost from
 * the store but not from the meter: its registers are cumulative and the next telegram carries
 * them.
 */
public final class BatchWriter implements ReadingsOut {
  private final Store store;
  private final MeterRegistrar registrar;
  private final ReadingsMirror mirror;
  private final int maxBatches;
  private final List<ReadingBatch> pending = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("loadlens-batch-writer").unstarted(r));
  private IngestResult total = IngestResult.NONE;

  public BatchWriter(Store store, ZoneId zone, String group, int maxBatches, Duration maxDelay) {
    this(store, zone, group, maxBatches, maxDelay, ReadingsMirror.NONE);
  }

  /** The same, handing every committed group to {@code mirror} too. */
  public BatchWriter(
      Store store,
      ZoneId zone,
      String group,
      int maxBatches,
      Duration maxDelay,
      ReadingsMirror mirror) {
    this.mirror = mirror;
    this.store = store;
    this.registrar = new MeterRegistrar(store, zone, group);
    this.maxBatches = maxBatches;
    long ms = maxDelay.toMillis();
    timer.scheduleWithFixedDelay(this::flush, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void add(ReadingBatch batch) {
    pending.add(batch);
    if (pending.size() >= maxBatches) {
      flush();
    }
  }

  /** Writes what is waiting. */
  @Override
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    registrar.register(pending);
    List<ReadingBatch> committed = List.copyOf(pending);
    total = total.plus(store.ingest(committed));
    mirror.committed(committed);
    pending.clear();
  }

  /** What the store took so far. */
  public synchronized IngestResult total() {
    return total;
  }

  @Override
  public synchronized String summary() {
    return String.format(
        "%d values offered, %d new, %d already stored, %d conflicts",
        total.offered(), total.inserted(), total.duplicates(), total.conflicts());
  }

  @Override
  public void close() {
    timer.shutdown();
    flush();
  }
}

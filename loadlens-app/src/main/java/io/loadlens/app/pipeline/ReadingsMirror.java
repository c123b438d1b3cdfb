package io.loadlens.app.pipeline;

import io.loadlens.model.ReadingBatch;
import io.loadlens.store.influx.InfluxMirror;
import java.util.List;

/**
 * A copy of what the store committed, for a system that already runs its own time-series database
 * (InfluxDB). It is fed after the store commit and never blocks or fails the ingest: the store
 * stays the record.
 */
public interface ReadingsMirror extends AutoCloseable {
  /** No mirror. */
  ReadingsMirror NONE =
      new ReadingsMirror() {
        @Override
        public void committed(List<ReadingBatch> batches) {}

        @Override
        public void close() {}
      };

  /** Called after the store committed {@code batches}. */
  void committed(List<ReadingBatch> batches);

  /** Sends what is queued (bounded wait) and stops. */
  @Override
  void close();

  /** Mirrors into InfluxDB through {@code mirror}, which this takes over. */
  static ReadingsMirror influx(InfluxMirror mirror) {
    return new ReadingsMirror() {
      @Override
      public void committed(List<ReadingBatch> batches) {
        mirror.offer(batches);
      }

      @Override
      public void close() {
        mirror.close();
      }
    };
  }
}

package io.loadlens.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one read of one meter produced: one or more channel series, carried from the collector
 * through the transport to the store as a unit. The batch id lets every hop recognise a re-sent
 * batch; the store is idempotent on {@code (meter, obis, capture time)} either way.
 *
 * @param batchId unique per read; a re-send of the same read keeps the same id
 * @param meter the meter read
 * @param source where the readings came from, e.g. {@code dlms}, {@code p1}, {@code wmbus}, {@code
 *     import:sgsc50.csv}
 * @param readAt when the read finished
 * @param series the channels read, each sorted by time
 */
public record ReadingBatch(
    UUID batchId, MeterId meter, String source, Instant readAt, List<IntervalSeries> series) {

  public ReadingBatch {
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(readAt, "readAt");
    series = List.copyOf(series);
    for (IntervalSeries s : series) {
      if (!s.meter().equals(meter)) {
        throw new IllegalArgumentException(
            "batch " + batchId + " is for meter " + meter + " but holds a series of " + s.meter());
      }
    }
  }

  /** The number of values in all series. */
  public int rowCount() {
    int n = 0;
    for (IntervalSeries s : series) {
      n += s.size();
    }
    return n;
  }
}

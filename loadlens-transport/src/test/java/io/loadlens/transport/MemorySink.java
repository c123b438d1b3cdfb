package io.loadlens.transport;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink like the store: rows keyed by (meter, OBIS, capture time), a re-sent row overwrites
 * itself; events kept once each in arrival order. Counts rows written more than once, and can fail
 * its next writes (of rows or of events) on demand.
 */
public final class MemorySink implements BatchSink {

  public record Key(String meter, String obis, long time) {}

  public record DeadLetter(String source, String reason, byte[] payload) {}

  private final Map<Key, Double> rows = new HashMap<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final Set<MeterEvent> events = new LinkedHashSet<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failNextEvents = new AtomicInteger();
  private long eventWrites;
  private long rewritten;
  private long writes;

  @Override
  public synchronized void write(List<ReadingBatch> batches) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("sink unavailable (test fault)");
    }
    writes++;
    for (ReadingBatch b : batches) {
      rewritten += put(rows, b);
    }
  }

  @Override
  public synchronized void writeEvents(List<MeterEvent> received) {
    if (failNextEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("sink unavailable for events (test fault)");
    }
    eventWrites++;
    events.addAll(received);
  }

  public void failNextEventWrites(int n) {
    failNextEvents.set(n);
  }

  public synchronized List<MeterEvent> events() {
    return List.copyOf(events);
  }

  public synchronized int eventCount() {
    return events.size();
  }

  public synchronized long eventWrites() {
    return eventWrites;
  }

  static int put(Map<Key, Double> m, ReadingBatch b) {
    int again = 0;
    for (IntervalSeries s : b.series()) {
      for (int i = 0; i < s.size(); i++) {
        if (m.put(
                new Key(b.meter().value(), s.obis().toString(), s.epochSeconds()[i]), s.values()[i])
            != null) {
          again++;
        }
      }
    }
    return again;
  }

  @Override
  public synchronized void deadLetter(String source, String reason, byte[] payload) {
    deadLetters.add(new DeadLetter(source, reason, payload));
  }

  public void failNextWrites(int n) {
    failNext.set(n);
  }

  public synchronized Map<Key, Double> rows() {
    return new HashMap<>(rows);
  }

  public synchronized int rowCount() {
    return rows.size();
  }

  /** Rows received again after they were stored (at-least-once redeliveries). */
  public synchronized long rewrittenRows() {
    return rewritten;
  }

  public synchronized long writes() {
    return writes;
  }

  public synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }
}

package io.loadlens.collector.testing;

import io.loadlens.collector.MeterReader;
import io.loadlens.collector.MeterSession;
import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.ReadFailure;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

/**
 * Hand-written fake meters: each serves a regular 15-minute energy profile, with scripted failures
 * queued per meter, missing capture times and status bits. Counts concurrent sessions overall and
 * per group, and records the ranges asked for and the invocation counters offered.
 */
public final class FakeMeters implements MeterReader {
  public static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT;
  public static final int PERIOD = 900;

  public final AtomicInteger open = new AtomicInteger();
  public final AtomicInteger maxOpen = new AtomicInteger();
  public final Map<String, AtomicInteger> openByGroup = new ConcurrentHashMap<>();
  public final Map<String, AtomicInteger> maxByGroup = new ConcurrentHashMap<>();
  public final Map<MeterId, Queue<ReadFailure>> failOpen = new ConcurrentHashMap<>();
  public final Map<MeterId, LongPredicate> missing = new ConcurrentHashMap<>();
  public final Map<MeterId, Integer> statusBits = new ConcurrentHashMap<>();
  public final Map<MeterId, List<Instant[]>> ranges = new ConcurrentHashMap<>();
  public final Map<MeterId, List<Long>> countersOffered = new ConcurrentHashMap<>();
  public final AtomicInteger opens = new AtomicInteger();
  private volatile Duration sessionTime = Duration.ZERO;

  /** Real time each session stays open, so overlaps happen. */
  public FakeMeters sessionTime(Duration d) {
    sessionTime = d;
    return this;
  }

  /** Queues failures the meter's next opens throw, in order. */
  public void failNextOpens(MeterId meter, ReadFailure... failures) {
    failOpen.computeIfAbsent(meter, m -> new ConcurrentLinkedQueue<>()).addAll(List.of(failures));
  }

  public static double valueAt(long epochSecond) {
    return (epochSecond / PERIOD) % 1000 + 0.5;
  }

  @Override
  public MeterSession open(MeterConfig meter, long invocationCounter) {
    opens.incrementAndGet();
    countersOffered
        .computeIfAbsent(meter.id(), m -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(invocationCounter);
    Queue<ReadFailure> q = failOpen.get(meter.id());
    ReadFailure f = q == null ? null : q.poll();
    if (f != null) {
      throw f;
    }
    int now = open.incrementAndGet();
    maxOpen.accumulateAndGet(now, Math::max);
    AtomicInteger g = openByGroup.computeIfAbsent(meter.group(), k -> new AtomicInteger());
    int gn = g.incrementAndGet();
    maxByGroup
        .computeIfAbsent(meter.group(), k -> new AtomicInteger())
        .accumulateAndGet(gn, Math::max);
    return new Session(meter, invocationCounter, g);
  }

  private final class Session implements MeterSession {
    private final MeterConfig meter;
    private final AtomicInteger group;
    private long counter;

    Session(MeterConfig meter, long counter, AtomicInteger group) {
      this.meter = meter;
      this.counter = counter;
      this.group = group;
    }

    @Override
    public ProfileRows readProfile(ObisCode profile, Instant from, Instant to) {
      counter += 2;
      ranges
          .computeIfAbsent(meter.id(), m -> new java.util.concurrent.CopyOnWriteArrayList<>())
          .add(new Instant[] {from, to});
      if (!sessionTime.isZero()) {
        try {
          Thread.sleep(sessionTime);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ReadFailure(OperatorCode.CONNECTION_LOST, "interrupted");
        }
      }
      LongPredicate gap = missing.getOrDefault(meter.id(), t -> false);
      int bits = statusBits.getOrDefault(meter.id(), 0);
      long first = Math.floorDiv(from.getEpochSecond() + PERIOD - 1, PERIOD) * PERIOD;
      List<Long> times = new ArrayList<>();
      for (long t = first; t <= to.getEpochSecond(); t += PERIOD) {
        if (!gap.test(t)) {
          times.add(t);
        }
      }
      long[] ts = times.stream().mapToLong(Long::longValue).toArray();
      int[] st = new int[ts.length];
      double[] v = new double[ts.length];
      for (int i = 0; i < ts.length; i++) {
        st[i] = bits;
        v[i] = valueAt(ts[i]);
      }
      return new ProfileRows(
          profile,
          PERIOD,
          List.of(new ProfileRows.Column(ENERGY, Unit.WATT_HOUR)),
          ts,
          st,
          new double[][] {v});
    }

    @Override
    public long invocationCounter() {
      return counter;
    }

    @Override
    public void close() {
      open.decrementAndGet();
      group.decrementAndGet();
    }
  }
}

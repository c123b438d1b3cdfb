package io.loadlens.transport.bench;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.transport.BatchSink;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.ReadingSubscriber;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sustained readings per second from a {@link Gateway} (durable, fsync'd outbox) through a
 * transport to an {@link IngestService}, and the end-to-end latency of each batch (outbox append to
 * sink commit). With events enabled, every chunk of batches is followed by the meter events of some
 * of its reads ({@link Gateway#publishEvents}, a second outbox force per chunk), and the run ends
 * when every row and every event was committed. The sink only counts and can simulate a store
 * commit of a fixed duration, so the figures are the transport's own.
 */
public final class TransportBenchmark {

  /**
   * What one run measured.
   *
   * @param events meter events committed
   * @param readingsPerSecond rows committed per second, first publish to last commit
   * @param p50Millis median batch latency, outbox append to sink commit
   * @param p99Millis 99th percentile of the same
   */
  public record Result(
      String transport,
      int consumers,
      long batches,
      long readings,
      long events,
      double seconds,
      double readingsPerSecond,
      double p50Millis,
      double p99Millis) {
    @Override
    public String toString() {
      return String.format(
          "%-40s consumers=%d batches=%d readings=%d events=%d time=%.1fs readings/s=%.0f"
              + " p50=%.1fms p99=%.1fms",
          transport,
          consumers,
          batches,
          readings,
          events,
          seconds,
          readingsPerSecond,
          p50Millis,
          p99Millis);
    }
  }

  /**
   * The workload: {@code meters × reads} batches of {@code rows} quarter-hour rows, published in
   * chunks of {@code chunk} batches (one outbox fsync per chunk); when {@code eventEvery} is above
   * 0, every {@code eventEvery}-th read also yields {@value #EVENTS_PER_READ} meter events, sent
   * after its chunk.
   */
  public record Workload(
      int meters, int reads, int rows, int chunk, Duration sinkCommit, int eventEvery) {

    /** Without events. */
    public Workload(int meters, int reads, int rows, int chunk, Duration sinkCommit) {
      this(meters, reads, rows, chunk, sinkCommit, 0);
    }

    /** The same with every {@code n}-th read yielding events. */
    public Workload withEventEvery(int n) {
      return new Workload(meters, reads, rows, chunk, sinkCommit, n);
    }
  }

  /** Events of a read that has events: a gap, an outage and a read failure. */
  public static final int EVENTS_PER_READ = 3;

  private TransportBenchmark() {}

  public static Result run(
      String name,
      Supplier<ReadingPublisher> publisher,
      List<Supplier<ReadingSubscriber>> consumers,
      WireCodec codec,
      Path outboxDir,
      Workload w)
      throws InterruptedException {
    List<ReadingBatch> batches = batches(w.meters(), w.reads(), w.rows(), 1);
    long totalRows = (long) batches.size() * w.rows();
    Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
    long[] latencies = new long[batches.size()];
    AtomicLong done = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    CountingSink sink = new CountingSink(w.sinkCommit(), new AtomicLong());
    long totalEvents = 0;
    List<IngestService> ingests = new ArrayList<>();
    for (Supplier<ReadingSubscriber> c : consumers) {
      IngestService i =
          new IngestService(c.get(), sink, codec)
              .listener(
                  committed -> {
                    long now = System.nanoTime();
                    for (ReadingBatch b : committed) {
                      Long t = sentAt.remove(b.batchId());
                      if (t != null) {
                        latencies[(int) Math.min(latencies.length - 1, done.getAndIncrement())] =
                            now - t;
                        rows.addAndGet(b.rowCount());
                      }
                    }
                  });
      i.start();
      ingests.add(i);
    }
    Thread.sleep(2000); // subscriptions and group assignment settle
    long start = System.nanoTime();
    try (Gateway g =
        Gateway.start(
            Outbox.open(new OutboxSettings(outboxDir, 16L << 20, 1L << 30, true)),
            publisher.get())) {
      for (int i = 0; i < batches.size(); i += w.chunk()) {
        List<ReadingBatch> chunk = batches.subList(i, Math.min(batches.size(), i + w.chunk()));
        long t = System.nanoTime();
        chunk.forEach(b -> sentAt.put(b.batchId(), t));
        g.publishAll(chunk);
        if (w.eventEvery() > 0) {
          List<MeterEvent> events = events(chunk, i, w.eventEvery());
          totalEvents += events.size();
          g.publishEvents(events);
        }
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while ((rows.get() < totalRows || sink.events().get() < totalEvents)
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ingests.forEach(IngestService::close);
    int n = (int) Math.min(done.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return new Result(
        name,
        consumers.size(),
        n,
        rows.get(),
        sink.events().get(),
        seconds,
        rows.get() / seconds,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  /** Synthetic daily reads: {@code rows} quarter-hour energy values per meter per read. */
  public static List<ReadingBatch> batches(int meters, int reads, int rows, long seed) {
    Random rnd = new Random(seed);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    List<ReadingBatch> out = new ArrayList<>(meters * reads);
    for (int r = 0; r < reads; r++) {
      for (int m = 0; m < meters; m++) {
        MeterId meter = MeterId.of(String.format("B%07d", m));
        long[] t = new long[rows];
        double[] v = new double[rows];
        long base = start.getEpochSecond() + (long) r * rows * 900;
        for (int i = 0; i < rows; i++) {
          t[i] = base + i * 900L;
          v[i] = Math.round(rnd.nextDouble() * 400_000) / 1000.0;
        }
        out.add(
            new ReadingBatch(
                UUID.randomUUID(),
                meter,
                "bench",
                Instant.ofEpochSecond(t[rows - 1] + 60),
                List.of(
                    IntervalSeries.of(
                        meter, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v))));
      }
    }
    return out;
  }

  /**
   * The events of every {@code every}-th read of a chunk whose first read has index {@code first}.
   */
  static List<MeterEvent> events(List<ReadingBatch> chunk, int first, int every) {
    List<MeterEvent> out = new ArrayList<>();
    for (int k = 0; k < chunk.size(); k++) {
      if ((first + k) % every != 0) {
        continue;
      }
      ReadingBatch b = chunk.get(k);
      long[] t = b.series().get(0).epochSeconds();
      Instant from = Instant.ofEpochSecond(t[0]);
      Instant to = Instant.ofEpochSecond(t[t.length - 1]);
      out.add(
          new MeterEvent(
              b.meter(),
              MeterEvent.Kind.GAP,
              from,
              from.plusSeconds(2700),
              OperatorCode.PROFILE_ENTRY_MISSING,
              "3 intervals missing"));
      out.add(
          new MeterEvent(
              b.meter(), MeterEvent.Kind.OUTAGE, from, from.plusSeconds(1800), null, "power down"));
      out.add(
          new MeterEvent(
              b.meter(),
              MeterEvent.Kind.READ_FAILURE,
              to,
              to,
              OperatorCode.TIMEOUT,
              "no answer within 10 s (after 1 attempts)"));
    }
    return out;
  }

  private record CountingSink(Duration commit, AtomicLong events) implements BatchSink {
    @Override
    public void writeEvents(List<MeterEvent> received) {
      pause();
      events.addAndGet(received.size());
    }

    @Override
    public void write(List<ReadingBatch> batches) {
      pause();
    }

    private void pause() {
      if (!commit.isZero()) {
        try {
          Thread.sleep(commit);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted during simulated commit", e);
        }
      }
    }

    @Override
    public void deadLetter(String source, String reason, byte[] payload) {
      throw new IllegalStateException(
          "benchmark message dead-lettered from " + source + ": " + reason);
    }
  }
}

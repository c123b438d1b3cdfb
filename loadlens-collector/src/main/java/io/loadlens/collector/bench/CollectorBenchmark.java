package io.loadlens.collector.bench;

import io.loadlens.collector.CollectorSettings;
import io.loadlens.collector.FleetCollector;
import io.loadlens.collector.PassSummary;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.model.ReadingBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One collection pass over {@code n} synthetic meters served over DLMS/COSEM (TCP wrapper,
 * HLS-GMAC, one day of 15-minute rows each) in this JVM. Reports meters/s, session-time percentiles
 * and the process CPU time (meters and collector together).
 *
 * <pre>
 * java -cp ... io.loadlens.collector.bench.CollectorBenchmark [meters] [maxConnections]
 * </pre>
 */
public final class CollectorBenchmark {

  /**
   * What a benchmark pass measured.
   *
   * @param meters meters in the fleet
   * @param ok meters read successfully
   * @param rows rows delivered
   * @param wall wall-clock time of the pass
   * @param metersPerSecond ok meters / wall seconds
   * @param p50 median session time
   * @param p99 99th-percentile session time
   * @param cpu process CPU time during the pass (simulated meters included)
   * @param cores available processors
   */
  public record Result(
      int meters,
      int ok,
      long rows,
      Duration wall,
      double metersPerSecond,
      Duration p50,
      Duration p99,
      Duration cpu,
      int cores) {
    @Override
    public String toString() {
      return String.format(
          "meters=%d ok=%d rows=%d wall=%.2fs meters/s=%.0f p50=%dms p99=%dms cpu=%.1fs"
              + " (%.0f%% of %d cores)",
          meters,
          ok,
          rows,
          wall.toMillis() / 1000.0,
          metersPerSecond,
          p50.toMillis(),
          p99.toMillis(),
          cpu.toMillis() / 1000.0,
          100.0 * cpu.toNanos() / Math.max(1, wall.toNanos()) / cores,
          cores);
    }
  }

  private CollectorBenchmark() {}

  /** Runs one pass over {@code meters} synthetic meters with at most {@code maxConnections}. */
  public static Result run(int meters, int maxConnections) {
    // the meters' clocks: 7 minutes after a capture boundary, moving in real time
    Instant aligned = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 900 * 900 + 420);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), aligned));
    Path state;
    try {
      state = Files.createTempDirectory("loadlens-collector-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (LocalFleet fleet = LocalFleet.start(meters, clock)) {
      AtomicLong values = new AtomicLong();
      FleetCollector collector =
          FleetCollector.builder(
                  fleet.fleetConfig(Duration.ofSeconds(10), 2),
                  new DlmsMeterReader(LocalFleet.CLIENT_TITLE),
                  state)
              .clock(clock)
              .settings(
                  CollectorSettings.STANDARD
                      .withInitialDays(1)
                      .withMaxConnections(maxConnections)
                      .withMaxConnectionsPerGroup(maxConnections)
                      .withMaxNewConnectionsPerSecond(100_000))
              .readings((ReadingBatch b) -> values.addAndGet(b.rowCount()))
              .build();
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      PassSummary s = collector.runPass();
      long wall = System.nanoTime() - t0;
      long cpu = cpuNanos() - cpu0;
      return new Result(
          meters,
          s.ok(),
          s.rows(),
          Duration.ofNanos(wall),
          s.ok() / (wall / 1e9),
          s.p50(),
          s.p99(),
          Duration.ofNanos(cpu),
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  public static void main(String[] args) {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    run(Math.min(200, meters), connections); // warm-up
    System.out.println(run(meters, connections));
  }
}

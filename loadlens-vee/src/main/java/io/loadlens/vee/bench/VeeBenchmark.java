package io.loadlens.vee.bench;

import io.loadlens.vee.FleetSummary;
import io.loadlens.vee.VeeConfig;
import io.loadlens.vee.VeeEngine;
import io.loadlens.vee.VeeInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * VEE throughput: {@code meters} meters of {@code days} days of 15-minute data, validated on one
 * platform thread per core. Inputs are generated in-process before timing starts (a pool of
 * distinct synthetic meters, cycled); the timed part is VEE only, including building every
 * validated series, findings and summary.
 *
 * <pre>
 *   ./mvnw -q -o -pl loadlens-vee exec:java \
 *       -Dexec.mainClass=io.loadlens.vee.bench.VeeBenchmark -Dexec.args="10000 365"
 * </pre>
 */
public final class VeeBenchmark {
  /** Distinct synthetic meters generated; the fleet cycles through them. */
  static final int POOL = 128;

  /** What one benchmark run measured. */
  public record Result(
      int meters,
      int days,
      int threads,
      long intervals,
      double seconds,
      double cpuSeconds,
      FleetSummary fleet) {
    public double intervalsPerSecond() {
      return intervals / seconds;
    }

    public double meterYearsPerSecond() {
      return meters * (days / 365.0) / seconds;
    }
  }

  /** Per-thread CPU time: the work done, apart from what other processes took from the cores. */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private VeeBenchmark() {}

  public static Result run(int meters, int days) {
    return run(meters, days, Runtime.getRuntime().availableProcessors());
  }

  public static Result run(int meters, int days, int threads) {
    List<VeeInput> pool = new ArrayList<>();
    for (int i = 0; i < Math.min(POOL, meters); i++) {
      pool.add(SyntheticMeters.meter(i, days));
    }
    VeeEngine engine = new VeeEngine(VeeConfig.defaults());
    ExecutorService exec = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<FleetSummary>> parts = new ArrayList<>();
      java.util.concurrent.atomic.DoubleAdder cpu = new java.util.concurrent.atomic.DoubleAdder();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        parts.add(
            exec.submit(
                () -> {
                  long c0 = THREADS.getCurrentThreadCpuTime();
                  FleetSummary f = FleetSummary.empty();
                  for (int m = worker; m < meters; m += threads) {
                    f = f.plus(engine.run(pool.get(m % pool.size())).summary());
                  }
                  cpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
                  return f;
                }));
      }
      FleetSummary fleet = FleetSummary.empty();
      for (Future<FleetSummary> p : parts) {
        fleet = fleet.plus(p.get());
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result(meters, days, threads, fleet.intervals(), seconds, cpu.sum(), fleet);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("VEE failed in the benchmark", e.getCause());
    } finally {
      exec.shutdownNow();
    }
  }

  public static void main(String[] args) {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
    run(Math.min(meters, 200), days); // warm-up
    Result r = run(meters, days);
    System.out.printf(
        "VEE %d meters x %d days (15 min) on %d threads: %.1f s, %.2f M intervals/s,"
            + " %.0f meter-years/s; worker CPU time %.1f s%n%s%n",
        r.meters(),
        r.days(),
        r.threads(),
        r.seconds(),
        r.intervalsPerSecond() / 1e6,
        r.meterYearsPerSecond(),
        r.cpuSeconds(),
        r.fleet());
  }
}

package io.loadlens.insights.bench;

import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of {@link InsightEngine#analyse}: synthetic 15-minute meters (household pattern with
 * noise, some with EV charging), each generated and analysed by one of as many platform threads as
 * there are cores. Generation is timed apart from analysis. Run:
 *
 * <pre>
 * cd /work/main && MAVEN_OPTS=-Xmx2g ./mvnw -q -o -pl loadlens-insights \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=io.loadlens.insights.bench.InsightBenchmark -Dexec.args="10000 365"
 * </pre>
 */
public final class InsightBenchmark {
  static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
  static final int INTERVAL = 900;
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private InsightBenchmark() {}

  /** Result of one run. */
  public record Result(
      int meters,
      int days,
      long values,
      int threads,
      double wallSeconds,
      double analyseCpuSeconds,
      double generateCpuSeconds,
      double valuesPerSecond,
      double projectedWallSeconds,
      long maxHeapUsedMb) {}

  public static Result run(int meters, int days) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    InsightConfig cfg = InsightConfig.defaults();
    AtomicLong analyseNs = new AtomicLong();
    AtomicLong generateNs = new AtomicLong();
    AtomicLong values = new AtomicLong();
    AtomicLong maxHeap = new AtomicLong();
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> jobs = new ArrayList<>();
      for (int m = 0; m < meters; m++) {
        final int meter = m;
        jobs.add(
            pool.submit(
                () -> {
                  // Thread CPU time, so that other processes on the machine do not count.
                  long g = CPU.getCurrentThreadCpuTime();
                  ValidatedSeries s = household(meter, days);
                  long a = CPU.getCurrentThreadCpuTime();
                  ConsumerInsights c = InsightEngine.analyse(ConsumerInput.of(s, ZONE), cfg);
                  long e = CPU.getCurrentThreadCpuTime();
                  generateNs.addAndGet(a - g);
                  analyseNs.addAndGet(e - a);
                  values.addAndGet(s.size());
                  if (c.headline().isEmpty()) {
                    throw new IllegalStateException("no headline for " + c.meterId());
                  }
                  if (meter % 100 == 0) {
                    Runtime rt = Runtime.getRuntime();
                    maxHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                  }
                }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double analyse = analyseNs.get() / 1e9;
    return new Result(
        meters,
        days,
        values.get(),
        threads,
        wall,
        analyse,
        generateNs.get() / 1e9,
        values.get() / (analyse / threads),
        analyse / threads,
        maxHeap.get() >> 20);
  }

  /**
   * A synthetic household; one in eight charges an EV at 7.4 kW on two or three evenings a week.
   */
  static ValidatedSeries household(int meter, int days) {
    SplittableRandom rnd = new SplittableRandom(meter * 7919L + 1);
    int perDay = 86_400 / INTERVAL;
    long start = LocalDate.of(2024, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    int n = days * perDay;
    long[] t = new long[n];
    double[] wh = new double[n];
    double base = 80 + rnd.nextDouble() * 200;
    double evening = 400 + rnd.nextDouble() * 1200;
    boolean ev = meter % 8 == 0;
    for (int d = 0; d < days; d++) {
      boolean charge = ev && rnd.nextInt(7) < 3;
      int evStart = 18 * 4 + rnd.nextInt(12);
      double winter = 1 + 0.4 * Math.cos(2 * Math.PI * d / 365.0);
      for (int s = 0; s < perDay; s++) {
        int i = d * perDay + s;
        t[i] = start + (long) i * INTERVAL;
        double w = base + rnd.nextDouble() * 60;
        int h = s / 4;
        if (h >= 7 && h < 9 || h >= 17 && h < 23) {
          w += evening * winter * (0.5 + rnd.nextDouble());
        } else if (h >= 9 && h < 17) {
          w += 0.2 * evening * rnd.nextDouble();
        }
        if (charge && s >= evStart && s < evStart + 12) {
          w += 7400;
        }
        wh[i] = w * INTERVAL / 3600.0;
      }
    }
    Quality[] q = new Quality[n];
    Arrays.fill(q, Quality.VALID);
    return new ValidatedSeries(
        MeterId.of("bench-" + meter),
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        Unit.WATT_HOUR,
        INTERVAL,
        t,
        wh,
        q,
        new EstimationMethod[n],
        new long[n],
        "bench");
  }

  public static void main(String[] args) throws Exception {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
    run(Math.min(meters, 50), Math.min(days, 60)); // warm-up
    Result r = run(meters, days);
    System.out.printf(
        Locale.ROOT,
        "%d meters × %d days = %,d values on %d threads: analysis %.1f s CPU (%.1f s on %d"
            + " dedicated cores, %.2f M values/s), generation %.1f s CPU, wall %.1f s on this"
            + " (shared) machine, heap used up to %d MB of %d MB%n",
        r.meters(),
        r.days(),
        r.values(),
        r.threads(),
        r.analyseCpuSeconds(),
        r.projectedWallSeconds(),
        r.threads(),
        r.valuesPerSecond() / 1e6,
        r.generateCpuSeconds(),
        r.wallSeconds(),
        r.maxHeapUsedMb(),
        Runtime.getRuntime().maxMemory() >> 20);
  }
}

package io.loadlens.insights.bench;

import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time of {@link FleetAnalysis#analyse} (segmentation, aggregate, coincident peak, forecast) for
 * synthetic consumers of four shapes on an hourly grid over a year. Run:
 *
 * <pre>
 * cd /work/main && MAVEN_OPTS=-Xmx2g ./mvnw -q -o -pl loadlens-insights \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=io.loadlens.insights.bench.FleetBenchmark -Dexec.args="10000"
 * </pre>
 */
public final class FleetBenchmark {
  private FleetBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    ZoneId zone = ZoneId.of("Europe/Brussels");
    FleetGrid grid =
        new FleetGrid(LocalDate.of(2024, 1, 1).atStartOfDay(zone).toEpochSecond(), 3600, 365 * 24);
    List<ConsumerProfileSummary> consumers = fleet(n, grid);
    FleetAnalysis.analyse(consumers.subList(0, Math.min(n, 500)), FleetConfig.defaults(grid, zone));
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    FleetInsights f = FleetAnalysis.analyse(consumers, FleetConfig.defaults(grid, zone));
    double cpuS = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
    double wall = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%d consumers × %d hourly steps: fleet analysis %.1f s CPU on one thread (wall %.1f s on"
            + " this shared machine); k=%d, silhouette %.3f%n",
        n,
        grid.steps(),
        cpuS,
        wall,
        f.segmentation().k(),
        f.segmentation().silhouette());
    f.headline().forEach(h -> System.out.println("  - " + h));
  }

  /** Consumers peaking in the evening, morning, night or midday (PV), with noise. */
  static List<ConsumerProfileSummary> fleet(int n, FleetGrid grid) {
    SplittableRandom rnd = new SplittableRandom(11);
    int[] peaks = {19, 7, 2, 12};
    List<ConsumerProfileSummary> out = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      int kind = m % 4;
      double[] shape = new double[24];
      double mean = 0;
      for (int h = 0; h < 24; h++) {
        int dist = Math.min(Math.abs(h - peaks[kind]), 24 - Math.abs(h - peaks[kind]));
        shape[h] = 0.3 + (dist <= 2 ? 1.5 : 0) + 0.2 * rnd.nextDouble();
        mean += shape[h] / 24;
      }
      float[] kw = new float[grid.steps()];
      for (int k = 0; k < kw.length; k++) {
        kw[k] = (float) (shape[k % 24] * (0.8 + 0.4 * rnd.nextDouble()));
      }
      for (int h = 0; h < 24; h++) {
        shape[h] /= mean;
      }
      out.add(
          new ConsumerProfileSummary(
              "c" + m,
              "F" + (m % 20),
              shape,
              mean * 8760,
              kind == 3 ? List.of(ApplianceKind.ROOFTOP_PV) : List.of(),
              kw));
    }
    return out;
  }
}

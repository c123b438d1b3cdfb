package io.loadlens.store.bench;

import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a whole fleet the way VEE and insights do, from an existing store (e.g. the data directory
 * of {@code loadlens demo --meters 1000}): for every registered meter {@code channels(meter)} and
 * {@code readRaw} of each channel over all time, twice; then {@code readValidated} of the import
 * interval channel of every meter. Prints wall and process CPU time (all threads, DuckDB's
 * included) and the per-read median and p90. Opening the store applies pending migrations; their
 * time is printed first.
 *
 * <p>Run: {@code java -cp <classpath> io.loadlens.store.bench.FleetReadBenchmark <store url> <data
 * dir>}. It writes nothing but migrations.
 */
public final class FleetReadBenchmark {
  private FleetReadBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: FleetReadBenchmark <store url> <data dir>");
      System.exit(2);
    }
    long w0 = System.nanoTime();
    long c0 = IngestBenchmark.processCpuNanos();
    try (Store s = Stores.open(args[0], Path.of(args[1]))) {
      print("open (with migrations)", w0, c0, "");
      List<MeterInfo> meters = s.meters();
      for (int round = 1; round <= 2; round++) {
        long w = System.nanoTime();
        long c = IngestBenchmark.processCpuNanos();
        List<Double> each = new ArrayList<>();
        long rows = 0;
        for (MeterInfo m : meters) {
          for (ObisCode o : s.channels(m.id())) {
            long r0 = System.nanoTime();
            rows += s.readRaw(m.id(), o, null, null).size();
            each.add((System.nanoTime() - r0) / 1e6);
          }
        }
        print(
            "round " + round + ": channels + readRaw of " + meters.size() + " meters",
            w,
            c,
            String.format(Locale.ROOT, "%d reads, %d rows; %s", each.size(), rows, spread(each)));
      }
      long w = System.nanoTime();
      long c = IngestBenchmark.processCpuNanos();
      List<Double> each = new ArrayList<>();
      long rows = 0;
      for (MeterInfo m : meters) {
        long r0 = System.nanoTime();
        rows +=
            s.readValidated(m.id(), ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, null, null)
                .map(ValidatedSeries::size)
                .orElse(0);
        each.add((System.nanoTime() - r0) / 1e6);
      }
      print(
          "readValidated of " + meters.size() + " meters",
          w,
          c,
          String.format(Locale.ROOT, "%d rows; %s", rows, spread(each)));
    }
  }

  private static String spread(List<Double> ms) {
    if (ms.isEmpty()) {
      return "no reads";
    }
    Collections.sort(ms);
    return String.format(
        Locale.ROOT,
        "per read median %.2f ms, p90 %.2f ms",
        ms.get(ms.size() / 2),
        ms.get((int) (ms.size() * 0.9)));
  }

  private static void print(String what, long wall0, long cpu0, String more) {
    System.out.printf(
        Locale.ROOT,
        "%s: %.2f s wall, %.2f s CPU%s%n",
        what,
        (System.nanoTime() - wall0) / 1e9,
        (IngestBenchmark.processCpuNanos() - cpu0) / 1e9,
        more.isEmpty() ? "" : "; " + more);
  }
}

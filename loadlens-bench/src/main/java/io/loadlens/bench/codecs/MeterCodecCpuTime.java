package io.loadlens.bench.codecs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operations of {@link MeterCodecBenchmark} measured in CPU time of the measuring thread, for a
 * machine whose other load makes wall-clock scores meaningless: three 1-second warm-up rounds, then
 * the median of five 1-second rounds, printed as telegrams per second per core.
 *
 * <pre>
 *   java -cp loadlens-bench/target/benchmarks.jar io.loadlens.bench.codecs.MeterCodecCpuTime
 * </pre>
 */
public final class MeterCodecCpuTime {
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static volatile Object sink;

  private MeterCodecCpuTime() {}

  public static void main(String[] args) {
    MeterCodecBenchmark b = new MeterCodecBenchmark();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("P1 DSMR 5.0 telegram (Iskra, 890 B)", b::p1Dsmr50);
    ops.put("P1 e-MUCS 1.7.1 telegram (Fluvius, 1059 B)", b::p1Emucs171);
    ops.put("P1 Smarty frame, AES-GCM + decode (647 B)", b::p1SmartyDecryptAndDecode);
    ops.put("wM-Bus W1, TPL mode 5 AES-CBC (47 B)", b::wmbusMode5);
    ops.put("wM-Bus W4, ELL AES-CTR (43 B)", b::wmbusEllAesCtr);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
      List<Double> rounds = new ArrayList<>();
      for (int r = 0; r < 8; r++) {
        long start = cpu.getCurrentThreadCpuTime();
        long n = 0;
        long used;
        do {
          for (int i = 0; i < 64; i++) {
            sink = op.getValue().get();
          }
          n += 64;
          used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < ROUND_NANOS);
        if (r >= 3) {
          rounds.add(n * 1e9 / used);
        }
      }
      double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(
          Locale.ROOT,
          "%-48s %,12.0f telegrams/s per core (rounds %s)%n",
          op.getKey(),
          sorted[sorted.length / 2],
          Arrays.toString(Arrays.stream(sorted).mapToLong(Math::round).toArray()));
    }
  }
}

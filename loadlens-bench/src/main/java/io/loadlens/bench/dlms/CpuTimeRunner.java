package io.loadlens.bench.dlms;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * Measures the codec benchmarks in CPU time of the measuring thread (not wall-clock), so figures
 * stay meaningful on a shared, loaded machine. Run: {@code java -cp
 * loadlens-bench/target/benchmarks.jar io.loadlens.bench.dlms.CpuTimeRunner}.
 */
public final class CpuTimeRunner {
  private CpuTimeRunner() {}

  public static void main(String[] args) {
    ProfileDecodeBenchmark profile = new ProfileDecodeBenchmark();
    profile.setup();
    HdlcBenchmark hdlc = new HdlcBenchmark();
    hdlc.setup();
    GcmBenchmark gcm = new GcmBenchmark();
    gcm.size = 65536;
    gcm.setup();
    report(
        "profile decode (rows per CPU-second)",
        ProfileDecodeBenchmark.ROWS,
        () -> profile.decode672Rows().rows());
    report(
        "HDLC encode (MB per CPU-second)", HdlcBenchmark.SIZE / 1e6, () -> hdlc.encode64k().length);
    report("HDLC decode (MB per CPU-second)", HdlcBenchmark.SIZE / 1e6, hdlc::decode64k);
    report(
        "suite 0 protect 64 KiB (MB per CPU-second)",
        65536 / 1e6,
        () -> gcm.suite0Protect().length);
    report(
        "JDK AES-GCM 64 KiB (MB per CPU-second)",
        65536 / 1e6,
        () -> {
          try {
            return gcm.jdkAesGcm().length;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void report(String name, double unitsPerOp, IntSupplier op) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 8; round++) {
      long start = mx.getCurrentThreadCpuTime();
      long ops = 0;
      while (mx.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
        for (int i = 0; i < 16; i++) {
          sink += op.getAsInt();
        }
        ops += 16;
      }
      double seconds = (mx.getCurrentThreadCpuTime() - start) / 1e9;
      if (round >= 3) {
        System.out.printf("%-45s round %d: %,.1f%n", name, round - 2, ops * unitsPerOp / seconds);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}

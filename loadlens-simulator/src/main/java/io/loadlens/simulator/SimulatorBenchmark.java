package io.loadlens.simulator;

import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.model.ObisCode;
import io.loadlens.simulator.fault.FaultSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Measures what a fleet costs: start-up time, heap and resident memory with every meter listening,
 * and the time to compute one day of load profile per meter. Usage: {@code SimulatorBenchmark
 * [meters] [days] [firstAddress]} (defaults 1000, 60, 127.200.0.1). See docs/BENCHMARKS.md.
 */
public final class SimulatorBenchmark {
  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int meters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    String first = args.length > 2 ? args[2] : "127.200.0.1";
    FleetSpec spec =
        new FleetSpec(
            meters,
            days,
            15,
            SecurityLevel.HLS_GMAC,
            Framing.WRAPPER,
            first,
            FleetSpec.DLMS_PORT,
            FaultSpec.parse("outage=0.05,missing-entries=0.05,hardware-fault=0.01,clock-skew=0.02"),
            2026,
            ZoneId.of("Europe/Amsterdam"));
    Path work = Files.createTempDirectory("loadlens-sim-bench");
    long heapBefore = usedHeapAfterGc();
    long t0 = System.nanoTime();
    long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    try (SimulatedFleet fleet = SimulatedFleet.start(spec, Clock.systemUTC(), work)) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      double startCpuSeconds =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1e9;
      long heap = usedHeapAfterGc() - heapBefore;
      long rss = residentKb();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      print("meters", meters);
      print("start-up (build, bind, fleet file), wall s", startSeconds);
      print("start-up, CPU s of the starting thread", startCpuSeconds);
      print("heap retained by the fleet MiB", heap / 1048576.0);
      print("heap per meter KiB", heap / 1024.0 / meters);
      print("resident set (whole JVM) MiB", rss / 1024.0);
      print("platform threads", threads);
      print("open file descriptors", openFds());
      Instant now = Instant.now();
      List<FleetMeter> list = fleet.meters();
      // the first half (at most 200) is read in memory; as many fresh meters after it over DLMS
      int sample = Math.max(1, Math.min(200, list.size() / 2));
      var mx = ManagementFactory.getThreadMXBean();
      long cpu1 = mx.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      long rows = 0;
      for (int i = 0; i < sample; i++) {
        rows +=
            list.get(i)
                .data()
                .rows(ObisCode.LOAD_PROFILE_1, now.minus(Duration.ofDays(1)), now)
                .size();
      }
      double perMeterMs = (System.nanoTime() - t1) / 1e6 / sample;
      double perMeterCpuMs = (mx.getCurrentThreadCpuTime() - cpu1) / 1e6 / sample;
      print("first 1-day read per meter, wall ms (" + days + "-day register walk)", perMeterMs);
      print("first 1-day read per meter, CPU ms", perMeterCpuMs);
      long cpu2 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < sample; i++) {
        list.get(i).data().rows(ObisCode.LOAD_PROFILE_1, now.minus(Duration.ofDays(1)), now);
      }
      print(
          "repeat 1-day read per meter, CPU ms (cached)",
          (mx.getCurrentThreadCpuTime() - cpu2) / 1e6 / sample);
      print("rows per 1-day read", rows / (double) sample);
      long cached = usedHeapAfterGc() - heapBefore - heap;
      print("day cache per meter after a read, KiB", cached / 1024.0 / sample);
      readOverTheWire(list.subList(sample, Math.min(list.size(), 2 * sample)), now);
    }
  }

  /** Reads one day of load profile from each meter over TCP with the loadlens DLMS client. */
  private static void readOverTheWire(List<FleetMeter> meters, Instant now) {
    byte[] clientTitle = java.util.HexFormat.of().parseHex(FleetFiles.CLIENT_SYSTEM_TITLE);
    long t = System.nanoTime();
    long rows = 0;
    int read = 0;
    for (FleetMeter m : meters) {
      if (!m.listening()) {
        continue;
      }
      var settings =
          new io.loadlens.dlms.client.ClientSettings(
              m.identity().host(),
              m.identity().port(),
              Framing.WRAPPER,
              FleetFiles.MANAGEMENT_CLIENT,
              FleetFiles.SERVER_LOGICAL_ADDRESS,
              FleetFiles.SERVER_PHYSICAL_ADDRESS,
              SecurityLevel.HLS_GMAC,
              null,
              m.identity().guek(),
              m.identity().gak(),
              clientTitle,
              Duration.ofSeconds(30),
              1024,
              1);
      try (var client = io.loadlens.dlms.client.DlmsClient.connect(settings)) {
        rows +=
            client.readProfile(ObisCode.LOAD_PROFILE_1, now.minus(Duration.ofDays(1)), now).rows();
        read++;
      }
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    print("DLMS reads (HLS-GMAC, 1 day, fresh meters, one at a time)", read);
    if (read == 0) {
      return; // a one-meter fleet has no fresh meter left to read over the wire
    }
    print("DLMS read per meter incl. association, wall ms", seconds * 1_000 / read);
    print("DLMS rows per second", rows / seconds);
  }

  private static void print(String label, double value) {
    System.out.printf(Locale.ROOT, "%-62s %12.2f%n", label, value);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long residentKb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static long openFds() throws java.io.IOException {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}

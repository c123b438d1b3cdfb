package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens simulate}: a fleet of simulated DLMS meters on loopback, until stopped. */
@Command(
    name = "simulate",
    header = "Run a fleet of simulated DLMS/COSEM meters on loopback addresses.",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fleet of simulated DLMS/COSEM meters on loopback addresses (one per meter), each serving",
      "a synthetic household's load profile; writes the fleet file and 0600 key files for the collector."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin FleetOptions fleet;

  @Option(
      names = "--fleet-file",
      paramLabel = "FILE",
      description = "Where to write the fleet file (default <data>/fleet/fleet.yaml).")
  Path fleetFile;

  @Option(
      names = "--ground-truth",
      paramLabel = "DIR",
      description =
          "Also write the households' ground truth (CSV) for the simulated span into DIR.")
  Path groundTruth;

  @Option(
      names = "--for",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: until Ctrl-C).")
  Integer seconds;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    FleetSpec fs = fleet.spec("none");
    Path work = data.dataDir().resolve("fleet");
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    try (UntilInterrupted running = new UntilInterrupted();
        SimulatedFleet sim = SimulatedFleet.start(fs, clock, work)) {
      Path file = sim.fleetFile();
      if (fleetFile != null) {
        Files.createDirectories(fleetFile.toAbsolutePath().getParent());
        Files.copy(file, fleetFile, StandardCopyOption.REPLACE_EXISTING);
        copyKeys(work, fleetFile.toAbsolutePath().getParent());
        file = fleetFile;
      }
      if (groundTruth != null) {
        Instant now = clock.instant();
        sim.groundTruth()
            .writeGroundTruthCsv(groundTruth, now.minus(Duration.ofDays(fs.days())), now);
        out.println("Ground truth: " + groundTruth.toAbsolutePath());
      }
      out.printf(
          "%d simulated meters listening from %s port %d (%s, %s); fleet file: %s%n",
          fs.meters(),
          fs.firstAddress(),
          fs.port(),
          fs.framing(),
          fs.security(),
          file.toAbsolutePath());
      out.println(seconds == null ? "Press Ctrl-C to stop." : "Stopping in " + seconds + " s.");
      out.flush();
      if (seconds == null) {
        running.await();
      } else {
        running.await(seconds);
      }
    }
    return Main.EXIT_OK;
  }

  /** Key files are referenced relative to the fleet file, so they travel with it. */
  private static void copyKeys(Path work, Path target) throws java.io.IOException {
    Path keys = work.resolve("keys");
    if (!Files.isDirectory(keys) || work.toAbsolutePath().equals(target)) {
      return;
    }
    Path dest = target.resolve("keys");
    Files.createDirectories(dest);
    try (var files = Files.list(keys)) {
      for (Path k : (Iterable<Path>) files::iterator) {
        Files.copy(
            k,
            dest.resolve(k.getFileName()),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}

package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.CollectionPipeline;
import io.loadlens.app.pipeline.ReadingsMirror;
import io.loadlens.collector.CollectorSettings;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.model.MeterInfo;
import io.loadlens.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens ingest-profile}: one collection pass over a fleet into the store. */
@Command(
    name = "ingest-profile",
    header = "Read the load profile of every targeted meter once and store it.",
    mixinStandardHelpOptions = true,
    description = {
      "Read the load profile of every targeted meter once (catching up from the last stored capture)",
      "and store it; prints 'SUCCESS: Profile Transferred' per meter, or a FAILURE line with the code."
    })
public final class IngestProfileCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "A fleet file, a dlms_config.yaml or a loadlens.yaml.")
  Path config;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      defaultValue = "15",
      description = "Capture period in minutes (default ${DEFAULT-VALUE}).")
  int intervalMinutes;

  @Option(
      names = "--target",
      paramLabel = "WHICH",
      defaultValue = "all",
      description = "all, a meter id, or group:NAME (default ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone registered for new meters (default ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--fail-on-error", description = "Exit with 1 when any meter failed.")
  boolean failOnError;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (intervalMinutes <= 0) {
      throw new IllegalArgumentException("--interval must be positive, got " + intervalMinutes);
    }
    FleetConfig fleet = FleetSource.load(config, data.config());
    List<MeterConfig> meters = FleetSource.target(fleet, target);
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.dataDir();
    Clock clock = Clock.systemUTC();
    ZoneId z = ZoneId.of(zone);
    long t0 = System.nanoTime();
    try (Store store = data.openStore();
        ReadingsMirror mirror = data.mirror();
        CollectionPipeline pipeline = CollectionPipeline.embedded(store, dir, clock, mirror)) {
      register(store, meters, z);
      CollectionPipeline.Result r =
          pipeline.pass(
              pipeline.collector(
                  fleet,
                  new DlmsMeterReader(fleet.clientSystemTitle()),
                  settings(data),
                  dir.resolve("state"),
                  clock,
                  DemoCommand.meterLines(out, false)),
              meters);
      DemoCommand.printCollection(out, r, DemoCommand.seconds(t0));
      return failOnError && r.collection().failed() > 0 ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }
  }

  static CollectorSettings settings(DataOptions data) {
    var c = data.config().collector();
    return CollectorSettings.STANDARD
        .withMaxConnections(c.maxConnections())
        .withMaxNewConnectionsPerSecond(c.maxNewConnectionsPerSecond())
        .withMaxConnectionsPerGroup(c.maxConnectionsPerGroup())
        .withInitialDays(c.initialDays());
  }

  /** Meters not yet in the registry are added (id, group, zone). */
  static void register(Store store, List<MeterConfig> meters, ZoneId zone) {
    List<MeterInfo> missing =
        meters.stream()
            .filter(m -> store.meter(m.id()).isEmpty())
            .map(m -> new MeterInfo(m.id(), m.group(), "", "", 0, zone, Map.of()))
            .toList();
    if (!missing.isEmpty()) {
      store.upsertMeters(missing);
    }
  }
}

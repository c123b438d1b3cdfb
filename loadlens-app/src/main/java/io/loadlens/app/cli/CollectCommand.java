package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.CollectionPipeline;
import io.loadlens.app.pipeline.ReadingsMirror;
import io.loadlens.collector.CollectionListener;
import io.loadlens.collector.CollectionScheduler;
import io.loadlens.collector.FleetCollector;
import io.loadlens.collector.IngestLog;
import io.loadlens.collector.PassSummary;
import io.loadlens.collector.Sleeper;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens collect}: the collector daemon. */
@Command(
    name = "collect",
    header = "The collector daemon: read the fleet every --interval minutes and store it.",
    mixinStandardHelpOptions = true,
    description = {
      "The collector daemon: a pass over the fleet every --interval minutes, aligned to the capture",
      "period with jitter, each catching up from the last stored capture; with --serve, the API too."
    })
public final class CollectCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A fleet file, a dlms_config.yaml or a loadlens.yaml (default: --config-file).")
  Path config;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      description = "Minutes between passes (default: collector.interval_minutes, else 15).")
  Integer intervalMinutes;

  @Option(
      names = "--passes",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N passes (0 = run until stopped).")
  int passes;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone registered for new meters (default ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--serve", description = "Serve the API and dashboard while collecting.")
  boolean serve;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /**
   * A pass every {@code minutes}, aligned to the period, 30 s after the boundary (meters close
   * their interval first) plus up to a tenth of the period of jitter; stopped by Ctrl-C.
   */
  static CollectionScheduler scheduler(
      FleetCollector collector, int minutes, Clock clock, UntilInterrupted running) {
    Duration every = Duration.ofMinutes(minutes);
    CollectionScheduler scheduler =
        new CollectionScheduler(
            collector,
            every,
            Duration.ofSeconds(30),
            every.dividedBy(10),
            clock,
            Sleeper.SYSTEM,
            () -> ThreadLocalRandom.current().nextDouble());
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                running.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              scheduler.stop();
            });
    return scheduler;
  }

  @Override
  public Integer call() throws Exception {
    Path source = config != null ? config : data.configFile;
    if (source == null) {
      throw new io.loadlens.app.config.ConfigException(
          "give --config FILE (a fleet file, dlms_config.yaml or loadlens.yaml)");
    }
    FleetConfig fleet = FleetSource.load(source, data.config());
    int minutes =
        intervalMinutes != null ? intervalMinutes : data.config().collector().intervalMinutes();
    if (minutes <= 0) {
      throw new IllegalArgumentException("--interval must be positive, got " + minutes);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.dataDir();
    Clock clock = Clock.systemUTC();
    try (UntilInterrupted running = new UntilInterrupted();
        Store store = data.openStore();
        ReadingsMirror mirror = data.mirror();
        CollectionPipeline pipeline = CollectionPipeline.embedded(store, dir, clock, mirror)) {
      IngestProfileCommand.register(store, fleet.meters(), ZoneId.of(zone));
      CollectionListener summaries =
          new CollectionListener() {
            @Override
            public void passFinished(PassSummary s) {
              out.println(IngestLog.summaryLine(s));
              out.flush();
            }
          };
      FleetCollector collector =
          pipeline.collector(
              fleet,
              new DlmsMeterReader(fleet.clientSystemTitle()),
              IngestProfileCommand.settings(data),
              dir.resolve("state"),
              clock,
              summaries);
      CollectionScheduler scheduler = scheduler(collector, minutes, clock, running);
      out.printf(
          "Collecting %d meters every %d minutes into %s (Ctrl-C to stop)%n",
          fleet.size(), minutes, dir);
      out.flush();
      if (serve) {
        Thread.ofVirtual().name("loadlens-collect").start(() -> scheduler.runEvery(passes));
        ServeCommand.serveUntilInterrupted(data, store, out);
        scheduler.stop();
      } else {
        scheduler.runEvery(passes);
      }
      pipeline.awaitStored();
    }
    return Main.EXIT_OK;
  }
}

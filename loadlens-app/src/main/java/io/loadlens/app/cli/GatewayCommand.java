package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.CollectionPipeline;
import io.loadlens.collector.CollectionScheduler;
import io.loadlens.collector.FleetCollector;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.transport.ReadingPublisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens gateway}: collector + durable outbox + MQTT/Kafka publisher. */
@Command(
    name = "gateway",
    header = "The head-end half of a split deployment: read the fleet, publish over MQTT or Kafka.",
    mixinStandardHelpOptions = true,
    description = {
      "The head-end half of a split deployment: reads the fleet, keeps every batch in a durable",
      "outbox under <data>/outbox until the broker acknowledges it, and publishes it over MQTT or Kafka."
    })
public final class GatewayCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin BrokerOptions.CertKey broker;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A fleet file, a dlms_config.yaml or a loadlens.yaml.")
  Path config;

  @Option(
      names = "--once",
      description = "Run one collection pass, wait until the outbox is drained, and exit.")
  boolean once;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      description = "Minutes between passes (default: collector.interval_minutes, else 15).")
  Integer intervalMinutes;

  @Option(
      names = "--gateway-id",
      paramLabel = "NAME",
      description = "This gateway's name in topics (default: transport.mqtt.gateway, else gw1).")
  String gatewayId;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path source = config != null ? config : data.configFile;
    if (source == null) {
      throw new ConfigException(
          "give --config FILE (a fleet file, dlms_config.yaml or loadlens.yaml)");
    }
    FleetConfig fleet = FleetSource.load(source, data.config());
    String name = gatewayId != null ? gatewayId : broker.gatewayName(data.config());
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.dataDir();
    Clock clock = Clock.systemUTC();
    try (UntilInterrupted running = new UntilInterrupted();
        ReadingPublisher publisher = broker.publisher(data.config(), name, clock);
        CollectionPipeline pipeline = CollectionPipeline.gateway(dir, publisher)) {
      FleetCollector collector =
          pipeline.collector(
              fleet,
              new DlmsMeterReader(fleet.clientSystemTitle()),
              IngestProfileCommand.settings(data),
              dir.resolve("state"),
              clock,
              DemoCommand.meterLines(out, false));
      if (once) {
        CollectionPipeline.Result r = pipeline.pass(collector, fleet.meters());
        out.printf(
            "Published %d of %d meters, %d rows; the outbox is drained.%n",
            r.collection().ok(), r.collection().meters(), r.collection().rows());
        return Main.EXIT_OK;
      }
      int minutes =
          intervalMinutes != null ? intervalMinutes : data.config().collector().intervalMinutes();
      CollectionScheduler scheduler = CollectCommand.scheduler(collector, minutes, clock, running);
      out.printf(
          "Gateway %s: collecting %d meters every %d minutes (Ctrl-C to stop)%n",
          name, fleet.size(), minutes);
      out.flush();
      scheduler.runEvery(0);
      pipeline.awaitStored();
    }
    return Main.EXIT_OK;
  }
}

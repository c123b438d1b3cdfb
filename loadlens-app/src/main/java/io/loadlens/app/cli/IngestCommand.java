package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.ReadingsMirror;
import io.loadlens.app.pipeline.StoreSink;
import io.loadlens.store.Store;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.ReadingSubscriber;
import io.loadlens.transport.kafka.KafkaSubscriber;
import io.loadlens.transport.kafka.KafkaTopics;
import io.loadlens.transport.mqtt.MqttSubscriber;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens ingest}: subscriber + store, the meter-data half of a split deployment. */
@Command(
    name = "ingest",
    header = "Subscribe to readings over MQTT or Kafka and store them.",
    mixinStandardHelpOptions = true,
    description = {
      "Subscribe to readings over MQTT (persistent session) or Kafka (consumer group) and write them",
      "to the store idempotently, acknowledging each message only after the store commit; malformed",
      "messages go to the dead_letters table and the stream carries on."
    })
public final class IngestCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin BrokerOptions.CertKey broker;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      defaultValue = "loadlens-ingest",
      description =
          "MQTT client id / Kafka member suffix; keep it stable so a restart resumes (default ${DEFAULT-VALUE}).")
  String clientId;

  @Option(
      names = "--report-every",
      paramLabel = "S",
      defaultValue = "60",
      description = "Print counts every S seconds (default ${DEFAULT-VALUE}).")
  int reportSeconds;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description =
          "Time zone given to meters first seen here (their local day for daily shapes) (default ${DEFAULT-VALUE}).")
  String zone;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (UntilInterrupted running = new UntilInterrupted();
        Store store = data.openStore();
        ReadingsMirror mirror = data.mirror();
        ReadingSubscriber subscriber = subscriber();
        IngestService ingest =
            new IngestService(
                subscriber,
                new StoreSink(store, Clock.systemUTC(), ListenCommand.zone(zone), mirror),
                broker.codec())) {
      ingest.start();
      out.println(
          "Ingesting into "
              + (data.storeUrl() == null ? data.dataDir() : data.storeUrl())
              + " (Ctrl-C to stop)");
      out.flush();
      while (!running.stoppedWithin(Math.max(1, reportSeconds))) {
        out.printf(
            "messages=%d rows=%d dead_letters=%d sink_failures=%d%n",
            ingest.messageCount(),
            ingest.rowCount(),
            ingest.deadLetterCount(),
            ingest.sinkFailureCount());
        out.flush();
      }
    }
    return Main.EXIT_OK;
  }

  private ReadingSubscriber subscriber() {
    if (broker.isKafka(data.config())) {
      var settings = broker.kafka(data.config());
      KafkaTopics.ensure(settings);
      return new KafkaSubscriber(settings, clientId, 500);
    }
    return new MqttSubscriber(broker.mqtt(data.config(), clientId), null, 500);
  }
}

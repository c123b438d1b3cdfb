package io.loadlens.app.cli;

import io.loadlens.app.pipeline.BatchWriter;
import io.loadlens.app.pipeline.OutboxSender;
import io.loadlens.app.pipeline.ReadingsMirror;
import io.loadlens.app.pipeline.ReadingsOut;
import io.loadlens.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * Where {@code listen} puts what it hears: the store (default), or with {@code --publish} the
 * transport, for an {@code ingest} process elsewhere (the split deployment).
 */
public final class ListenOutput {
  @Option(
      names = "--publish",
      description = {
        "Send the readings over MQTT/Kafka (--mqtt, --kafka or the transport section of",
        "loadlens.yaml) through a durable outbox under <data>/outbox-<source>, instead of storing them."
      })
  boolean publish;

  @Option(
      names = "--gateway-id",
      paramLabel = "NAME",
      description = "This sender's name in topics (default: transport.mqtt.gateway, else gw1).")
  String gatewayId;

  /**
   * Opens the output for readings from {@code source} ({@code p1}, {@code wmbus}, {@code zigbee}).
   */
  ReadingsOut open(DataOptions data, BrokerOptions broker, String source, ZoneId zone) {
    if (publish) {
      String name = gatewayId != null ? gatewayId : broker.gatewayName(data.config());
      return new OutboxSender(
          data.dataDir().resolve("outbox-" + source),
          broker.publisher(data.config(), name, Clock.systemUTC()));
    }
    Store store = data.openStore();
    ReadingsMirror mirror = ReadingsMirror.NONE;
    try {
      mirror = data.mirror();
      ReadingsMirror opened = mirror;
      return ReadingsOut.closing(
          new BatchWriter(
              store, zone, source, ListenCommand.MAX_BATCHES, ListenCommand.MAX_DELAY, mirror),
          () -> {
            try (store) {
              opened.close();
            }
          });
    } catch (RuntimeException e) {
      mirror.close();
      store.close();
      throw e;
    }
  }
}

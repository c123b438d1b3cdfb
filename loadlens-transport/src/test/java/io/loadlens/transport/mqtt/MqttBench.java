package io.loadlens.transport.mqtt;

import io.loadlens.transport.bench.TransportBenchmark;
import io.loadlens.transport.codec.WireCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The MQTT+TLS leg of the benchmark, on the same broker the integration tests use. */
public final class MqttBench {
  private MqttBench() {}

  public static TransportBenchmark.Result run(Path tmp, TransportBenchmark.Workload w)
      throws Exception {
    try (TlsBroker broker = TlsBroker.start(tmp.resolve("mqtt"))) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      MqttSettings gw = broker.settings("bench-gw-" + run);
      MqttSettings in = broker.settings("bench-in-" + run);
      return TransportBenchmark.run(
          "mqtt v5 QoS 1, " + broker.name(),
          () ->
              MqttPublisher.connect(
                  gw, "bench-" + run, WireCodec.binary(), Clock.systemUTC(), 10_000),
          List.of(() -> new MqttSubscriber(in, null, 500)),
          WireCodec.binary(),
          tmp.resolve("mqtt-outbox"),
          w);
    }
  }
}

package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen zigbee} as a process against a real MQTT broker, fed what zigbee2mqtt publishes for
 * two metering plugs (retained, as zigbee2mqtt does for devices configured with retain).
 */
class ZigbeeListenTest {
  @TempDir Path dir;

  @Test
  void storesZigbee2mqttMeteringMessagesUnderTheDeviceName() throws Exception {
    String base = "z2m-" + UUID.randomUUID().toString().substring(0, 8);
    Path data = dir.resolve("data");
    Path log = dir.resolve("listen.log");
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        CliProcesses processes = new CliProcesses(dir)) {
      Mqtt5BlockingClient z2m =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier("z2m-" + base)
              .serverHost("127.0.0.1")
              .serverPort(broker.port())
              .buildBlocking();
      z2m.connect();
      try {
        publish(z2m, base + "/kitchen_plug", "{\"energy\":12.34,\"power\":230,\"voltage\":231.5}");
        publish(z2m, base + "/heat_pump", "{\"energy\":4021.5,\"power\":1850,\"linkquality\":90}");
        publish(z2m, base + "/bridge/state", "{\"state\":\"online\"}");

        Process listen =
            processes.start(
                log,
                "listen",
                "zigbee",
                "--mqtt",
                broker.url(),
                "--base-topic",
                base,
                "--data",
                data.toString());
        CliProcesses.awaitLine(listen, log, l -> l.startsWith("Listening to " + base + "/+"));
        // the retained messages arrive right after the subscription, each device's first one
        // announced; Ctrl-C then writes what came
        CliProcesses.awaitLine(listen, log, l -> l.startsWith("New device: zb-kitchen_plug"));
        CliProcesses.awaitLine(listen, log, l -> l.startsWith("New device: zb-heat_pump"));
        CliProcesses.stopGracefully(listen);
      } finally {
        for (String device : new String[] {"kitchen_plug", "heat_pump", "bridge/state"}) {
          z2m.publishWith().topic(base + "/" + device).retain(true).payload(new byte[0]).send();
        }
        z2m.disconnect();
      }
    }
    assertThat(Files.readString(log))
        .containsPattern("Zigbee: \\d+ values offered, \\d+ new")
        .doesNotContain("New device: zb-bridge");
    try (Store store = Stores.open(null, data)) {
      assertThat(store.meters()).extracting(m -> m.id().value()).hasSize(2);
      MeterId plug =
          store.meters().stream()
              .map(m -> m.id())
              .filter(id -> store.readRaw(id, ObisCode.ACTIVE_ENERGY_IMPORT, null, null).size() > 0)
              .filter(
                  id ->
                      store.readRaw(id, ObisCode.ACTIVE_ENERGY_IMPORT, null, null).values()[0]
                          == 12_340.0)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no meter with the plug's 12.34 kWh"));
      assertThat(store.meter(plug).orElseThrow().group()).isEqualTo("zigbee");
    }
  }

  private static void publish(Mqtt5BlockingClient client, String topic, String json) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }
}

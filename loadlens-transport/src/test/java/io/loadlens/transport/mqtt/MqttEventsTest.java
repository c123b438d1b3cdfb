package io.loadlens.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.Events;
import io.loadlens.transport.Fleet;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.MemorySink;
import io.loadlens.transport.Topics;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter events from a gateway to an ingest over MQTT: the plain Mosquitto on 127.0.0.1:1883 when it
 * answers, otherwise the TLS broker of {@link MqttTransportTest} (CI's Mosquitto on 8883 or an
 * embedded HiveMQ).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttEventsTest {
  private static final Logger LOG = LoggerFactory.getLogger(MqttEventsTest.class);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private Path tmp;
  private TlsBroker tlsBroker;

  @BeforeAll
  void startBroker() throws Exception {
    tmp = Files.createTempDirectory("loadlens-mqtt-events");
    if (!TlsBroker.answers(1883)) {
      tlsBroker = TlsBroker.start(tmp);
    }
    LOG.info(
        "MQTT events tests run against {}",
        tlsBroker == null ? "Mosquitto on 127.0.0.1:1883" : tlsBroker.name());
  }

  @AfterAll
  void stopBroker() {
    if (tlsBroker != null) {
      tlsBroker.close();
    }
  }

  private MqttSettings settings(String clientId) {
    if (tlsBroker != null) {
      return tlsBroker.settings(clientId);
    }
    return MqttSettings.fromUrl("mqtt://127.0.0.1:1883", clientId)
        .withSessionExpiry(Duration.ofMinutes(10))
        .withReconnectDelays(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  private static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private IngestService ingest(MqttSettings s, MemorySink sink) throws Exception {
    MqttSubscriber sub = new MqttSubscriber(s, null, 100);
    IngestService i = new IngestService(sub, sink, WireCodec.binary());
    i.start();
    sub.subscribed().get(30, TimeUnit.SECONDS);
    return i;
  }

  @Test
  void eventsAndReadingsTravelTheirOwnTopicsIntoTheSink() throws Exception {
    String gw = "gw-ev-" + run;
    List<MeterEvent> events = Events.of(6, 7);
    List<ReadingBatch> batches = Fleet.batches(6, 1, 96, 21);
    MemorySink sink = new MemorySink();
    Mqtt5BlockingClient watcher = raw("watch-" + run);
    watcher.connect();
    watcher.subscribeWith().topicFilter(Topics.ROOT + "/" + gw + "/+/events").send();
    try (Mqtt5BlockingClient.Mqtt5Publishes seen =
        watcher.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.SUBSCRIBED)) {
      IngestService ingest = ingest(settings("ingest-ev-" + run), sink);
      Gateway g =
          Gateway.start(
              Outbox.open(new OutboxSettings(tmp.resolve("outbox-" + run), 1 << 20, 1 << 26, true)),
              MqttPublisher.connect(
                  settings(gw), gw, WireCodec.binary(), Clock.systemUTC(), 10_000));
      g.publishAll(batches);
      g.publishEvents(events);
      assertThat(g.drain(Duration.ofSeconds(60))).isTrue();
      await("every event", Duration.ofSeconds(60), () -> sink.eventCount() == events.size());
      await("every row", Duration.ofSeconds(60), () -> sink.rowCount() == 6 * 96);
      g.close();
      ingest.close();
      var first = seen.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(first.getTopic().toString())
          .isEqualTo(Topics.ROOT + "/" + gw + "/E0000000/events");
      assertThat(first.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      assertThat(new String(first.getPayloadAsBytes(), StandardCharsets.UTF_8))
          .startsWith("{\"schema\":1,\"meter\":\"E0000000\",\"events\":[{\"kind\":\"GAP\"");
    } finally {
      watcher.disconnect();
    }
    assertThat(sink.events()).containsExactlyInAnyOrderElementsOf(events);
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void malformedEventsMessageIsDeadLetteredAndTheStreamCarriesOn() throws Exception {
    MemorySink sink = new MemorySink();
    IngestService ingest = ingest(settings("ingest-evbad-" + run), sink);
    Mqtt5BlockingClient raw = raw("raw-ev-" + run);
    raw.connect();
    String topic = Topics.ROOT + "/gw-evbad-" + run + "/M1/events";
    byte[] bad =
        "{\"schema\":1,\"meter\":\"M1\",\"events\":[{\"kind\":\"GAP\",\"start\":\"x\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    raw.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(bad).send();
    List<MeterEvent> good = Events.of(1, 3);
    raw.publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(
            io.loadlens.transport.codec.EventCodec.withDefaultLimit()
                .encode(io.loadlens.transport.EventBatch.byMeter(good, 10).get(0)))
        .send();
    raw.disconnect();
    await("the good events", Duration.ofSeconds(30), () -> sink.eventCount() == 3);
    ingest.close();
    assertThat(sink.deadLetters()).hasSize(1);
    assertThat(sink.deadLetters().get(0).source()).isEqualTo(topic);
    assertThat(sink.deadLetters().get(0).reason()).startsWith("events[0].start: 'x' is invalid");
    assertThat(sink.events()).containsExactlyElementsOf(good);
  }

  private Mqtt5BlockingClient raw(String id) {
    MqttSettings s = settings(id);
    Mqtt5ClientBuilder b =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(id)
            .serverHost(s.host())
            .serverPort(s.port());
    if (tlsBroker != null) {
      b = b.sslConfig(MqttClientConfig.ssl(s));
    }
    return b.buildBlocking();
  }
}

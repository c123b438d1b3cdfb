package io.loadlens.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.Events;
import io.loadlens.transport.Fleet;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.MemorySink;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Gateway to ingest through a real (in-process KRaft) Kafka broker, with consumer restarts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTransportTest {

  @TempDir Path tmp;
  private KafkaTestCluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = new KafkaTestCluster();
  }

  @AfterAll
  void stop() throws Exception {
    cluster.close();
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

  private KafkaSettings settings(String topic) {
    return KafkaSettings.of(cluster.bootstrapServers())
        .withTopic(topic, 4)
        .withGroup(topic + "-ingest");
  }

  @Test
  void fleetArrivesCompleteAcrossConsumerRestart() throws Exception {
    KafkaSettings s = settings("restart");
    KafkaTopics.ensure(s);
    List<ReadingBatch> batches = Fleet.batches(40, 5, 96, 3);
    MemorySink sink = new MemorySink();
    IngestService first =
        new IngestService(new KafkaSubscriber(s, "a", 50), sink, WireCodec.binary());
    first.start();
    Gateway g =
        Gateway.start(
            Outbox.open(new OutboxSettings(tmp.resolve("outbox"), 1 << 20, 1 << 28, true)),
            new KafkaPublisher(s, WireCodec.binary()));
    g.publishAll(batches.subList(0, 100));
    await("some rows", Duration.ofSeconds(60), () -> sink.rowCount() > 20 * 96);
    sink.failNextWrites(1); // a sink failure while the consumer is being stopped
    first.close(); // consumer dies; what it had not committed is consumed again
    g.publishAll(batches.subList(100, batches.size()));
    assertThat(g.drain(Duration.ofSeconds(60))).isTrue();
    IngestService second =
        new IngestService(new KafkaSubscriber(s, "b", 50), sink, WireCodec.binary());
    second.start();
    await("every row", Duration.ofSeconds(60), () -> sink.rowCount() >= batches.size() * 96);
    second.close();
    g.close();
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
  }

  @Test
  void twoConsumersInOneGroupShareTheTopicWithoutLoss() throws Exception {
    KafkaSettings s = settings("shared");
    KafkaTopics.ensure(s);
    List<ReadingBatch> batches = Fleet.batches(50, 2, 96, 8);
    MemorySink sink = new MemorySink();
    IngestService a = new IngestService(new KafkaSubscriber(s, "a", 100), sink, WireCodec.json());
    IngestService b = new IngestService(new KafkaSubscriber(s, "b", 100), sink, WireCodec.json());
    a.start();
    b.start();
    try (KafkaPublisher p = new KafkaPublisher(s, WireCodec.json())) {
      for (ReadingBatch batch : batches) {
        p.publish(batch);
      }
      await("every row", Duration.ofSeconds(60), () -> sink.rowCount() >= batches.size() * 96);
    }
    a.close();
    b.close();
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
  }

  @Test
  void eventsTravelTheEventsTopicKeyedByMeterIntoTheSink() throws Exception {
    KafkaSettings s = settings("ev").withEventsTopic("ev.events");
    KafkaTopics.ensure(s);
    List<MeterEvent> events = Events.of(8, 5);
    List<ReadingBatch> batches = Fleet.batches(8, 1, 96, 6);
    MemorySink sink = new MemorySink();
    sink.failNextEventWrites(1); // the first events commit fails; offsets wait for the retry
    try (IngestService ingest =
        new IngestService(new KafkaSubscriber(s, "a", 50), sink, WireCodec.binary())) {
      ingest.start();
      Gateway g =
          Gateway.start(
              Outbox.open(new OutboxSettings(tmp.resolve("outbox-ev"), 1 << 20, 1 << 26, true)),
              new KafkaPublisher(s, WireCodec.binary()));
      g.publishEvents(events);
      g.publishAll(batches);
      assertThat(g.drain(Duration.ofSeconds(60))).isTrue();
      g.close();
      await("every event", Duration.ofSeconds(60), () -> sink.eventCount() == events.size());
      await("every row", Duration.ofSeconds(60), () -> sink.rowCount() == 8 * 96);
    }
    assertThat(sink.events()).containsExactlyInAnyOrderElementsOf(events);
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.deadLetters()).isEmpty();

    Properties p = new Properties();
    p.put("bootstrap.servers", s.bootstrapServers());
    p.put("group.id", "ev-watch");
    p.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, byte[]> watch =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      watch.subscribe(List.of("ev.events"));
      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      await(
          "the 8 event records",
          Duration.ofSeconds(60),
          () -> {
            watch.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.size() >= 8;
          });
      assertThat(seen)
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder(
              events.stream().map(e -> e.meter().value()).distinct().toArray(String[]::new));
      for (ConsumerRecord<String, byte[]> r : seen) {
        assertThat(new String(r.value(), StandardCharsets.UTF_8))
            .startsWith("{\"schema\":1,\"meter\":\"" + r.key() + "\",\"events\":[");
      }
    }
  }

  @Test
  void malformedEventsRecordIsDeadLettered() throws Exception {
    KafkaSettings s = settings("evbad").withEventsTopic("evbad.events");
    KafkaTopics.ensure(s);
    Properties p = new Properties();
    p.put("bootstrap.servers", s.bootstrapServers());
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  "evbad.events", 0, "M1", "{\"schema\":1}".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    MemorySink sink = new MemorySink();
    try (IngestService i =
        new IngestService(new KafkaSubscriber(s, "a", 10), sink, WireCodec.json())) {
      i.start();
      await("the dead letter", Duration.ofSeconds(60), () -> sink.deadLetters().size() == 1);
    }
    assertThat(sink.deadLetters().get(0).source()).isEqualTo("evbad.events-0@0");
    assertThat(sink.deadLetters().get(0).reason()).isEqualTo("meter: missing");
  }

  @Test
  void malformedRecordIsDeadLetteredAndTheStreamCarriesOn() throws Exception {
    KafkaSettings s = settings("bad");
    KafkaTopics.ensure(s);
    Properties p = new Properties();
    p.put("bootstrap.servers", s.bootstrapServers());
    ReadingBatch good = Fleet.batches(1, 1, 96, 4).get(0);
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  s.topic(),
                  0,
                  good.meter().value(),
                  "not a batch".getBytes(StandardCharsets.UTF_8)))
          .get();
      raw.send(
              new ProducerRecord<>(
                  s.topic(), 0, good.meter().value(), WireCodec.json().encode(good)))
          .get();
    }
    MemorySink sink = new MemorySink();
    try (IngestService i =
        new IngestService(new KafkaSubscriber(s, "a", 10), sink, WireCodec.json())) {
      i.start();
      await("the good batch", Duration.ofSeconds(60), () -> sink.rowCount() == 96);
    }
    assertThat(sink.deadLetters()).hasSize(1);
    assertThat(sink.deadLetters().get(0).source()).isEqualTo("bad-0@0");
    assertThat(sink.deadLetters().get(0).reason())
        .isEqualTo("payload: first byte 0x6E is neither '{' (JSON) nor 'L' (binary)");
  }

  @Test
  void settingsNameTheField() {
    assertThatThrownBy(() -> KafkaSettings.of("localhost"))
        .hasMessage("kafka.bootstrapServers: 'localhost' is not host:port[,host:port…]");
    assertThatThrownBy(() -> KafkaSettings.of("h:9092").withTopic("a/b", 3))
        .hasMessageStartingWith("kafka.topic: 'a/b' must be");
    assertThatThrownBy(
            () ->
                new KafkaSettings(
                    "h:9092", "t", 1, (short) 1, "g", "c", Map.of("enable.auto.commit", "true")))
        .hasMessage(
            "kafka.extra: 'enable.auto.commit' is fixed by loadlens (delivery guarantees depend on it)");
  }
}

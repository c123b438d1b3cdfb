package io.loadlens.transport.kafka;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.TransportException;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes batches to the readings topic and meter events to the events topic, both keyed by meter
 * id (one meter's messages stay ordered in one partition of each topic), with an idempotent
 * producer and {@code acks=all}; the future completes when all in-sync replicas have the record.
 */
public final class KafkaPublisher implements ReadingPublisher {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final String eventsTopic;
  private final WireCodec codec;
  private final EventCodec eventCodec;

  public KafkaPublisher(KafkaSettings s, WireCodec codec) {
    Properties p = s.clientProperties();
    p.put(ProducerConfig.CLIENT_ID_CONFIG, s.clientId() + "-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        String.valueOf(Math.max(1 << 20, codec.maxBytes() + 1024)));
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.topic = s.topic();
    this.eventsTopic = s.eventsTopic();
    this.codec = codec;
    this.eventCodec = new EventCodec(codec.maxBytes());
  }

  @Override
  public CompletableFuture<Void> publish(ReadingBatch batch) {
    return send(
        topic, batch.meter().value(), () -> codec.encode(batch), "batch " + batch.batchId());
  }

  @Override
  public CompletableFuture<Void> publishEvents(EventBatch events) {
    return send(
        eventsTopic,
        events.meter().value(),
        () -> eventCodec.encode(events),
        events.events().size() + " events of meter " + events.meter());
  }

  private CompletableFuture<Void> send(
      String to, String key, java.util.function.Supplier<byte[]> value, String what) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(to, key, value.get()),
          (meta, e) -> {
            if (e == null) {
              f.complete(null);
            } else {
              f.completeExceptionally(
                  new TransportException("kafka send of " + what + " failed", e));
            }
          });
    } catch (RuntimeException e) {
      f.completeExceptionally(new TransportException("kafka send of " + what + " failed", e));
    }
    return f;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}

package io.loadlens.transport.kafka;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.TransportException;
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
 * Publishes batches keyed by meter id (one meter's batches stay ordered in one partition) with an
 * idempotent producer and {@code acks=all}; the future completes when all in-sync replicas have the
 * record.
 */
public final class KafkaPublisher implements ReadingPublisher {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final WireCodec codec;

  public KafkaPublisher(KafkaSettings s, WireCodec codec) {
    Properties p = new Properties();
    p.putAll(s.extra());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
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
    this.codec = codec;
  }

  @Override
  public CompletableFuture<Void> publish(ReadingBatch batch) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, batch.meter().value(), codec.encode(batch)),
          (meta, e) -> {
            if (e == null) {
              f.complete(null);
            } else {
              f.completeExceptionally(
                  new TransportException("kafka send of batch " + batch.batchId() + " failed", e));
            }
          });
    } catch (RuntimeException e) {
      f.completeExceptionally(
          new TransportException("kafka send of batch " + batch.batchId() + " failed", e));
    }
    return f;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}

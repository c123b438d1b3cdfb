package io.loadlens.transport;

import io.loadlens.model.ReadingBatch;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway side of a transport: publishes one batch, or the events of one meter. The future
 * completes when the batch is safe on the other side (the broker acknowledged it at the configured
 * QoS / acks, or, in process, the sink committed it) and completes exceptionally when it is not;
 * the caller (the {@link Gateway}'s outbox) then publishes it again.
 */
public interface ReadingPublisher extends AutoCloseable {

  CompletableFuture<Void> publish(ReadingBatch batch);

  /**
   * Publishes the events of one meter on the events channel (MQTT {@code …/<meter>/events}, the
   * Kafka events topic keyed by meter id); the future completes as for {@link #publish}.
   */
  CompletableFuture<Void> publishEvents(EventBatch events);

  @Override
  void close();
}

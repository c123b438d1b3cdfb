package io.loadlens.transport;

import io.loadlens.model.ReadingBatch;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway side of a transport: publishes one batch. The future completes when the batch is safe
 * on the other side (the broker acknowledged it at the configured QoS / acks, or, in process, the
 * sink committed it) and completes exceptionally when it is not; the caller (the {@link Gateway}'s
 * outbox) then publishes it again.
 */
public interface ReadingPublisher extends AutoCloseable {

  CompletableFuture<Void> publish(ReadingBatch batch);

  @Override
  void close();
}

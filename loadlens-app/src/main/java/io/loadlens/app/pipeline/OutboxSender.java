package io.loadlens.app.pipeline;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends readings to the transport (MQTT or Kafka) for an ingest process elsewhere: each batch is
 * written to a durable outbox before {@link #add} returns and removed only when the broker has
 * acknowledged it, so a broker or link outage, or a restart of this process, loses nothing.
 */
public final class OutboxSender implements ReadingsOut {
  /** How long {@link #close} waits for the broker to acknowledge what is still in the outbox. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private final Gateway gateway;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong values = new AtomicLong();

  public OutboxSender(Path outboxDir, ReadingPublisher publisher) {
    this.gateway = Gateway.start(Outbox.open(OutboxSettings.defaults(outboxDir)), publisher);
  }

  @Override
  public void add(ReadingBatch batch) {
    gateway.publish(batch);
    batches.incrementAndGet();
    values.addAndGet(batch.rowCount());
  }

  /**
   * Every batch is already durable in the outbox; this waits up to {@link #DRAIN} for the broker to
   * acknowledge them, so that a summary printed next is final.
   */
  @Override
  public void flush() {
    gateway.drain(DRAIN);
  }

  @Override
  public String summary() {
    return String.format(
        "%d batches (%d values) sent through the outbox, %d acknowledged by the broker, %d waiting",
        batches.get(), values.get(), gateway.acknowledgedCount(), gateway.pendingCount());
  }

  /** Waits up to {@link #DRAIN} for acknowledgements; the rest is sent at the next start. */
  @Override
  public void close() {
    gateway.drain(DRAIN);
    gateway.close();
  }
}

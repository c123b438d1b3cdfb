package io.loadlens.transport;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side: every batch, and every meter's events, go into the durable {@link Outbox}
 * first, then to the {@link ReadingPublisher}; a record leaves the outbox only when the publisher's
 * future completed (the broker or ingest acknowledged it). Failed or unacknowledged sends are
 * retried with exponential backoff, and on start the records left in the outbox by a previous run
 * are sent again. The outbox tells batches and events apart by their first octets ({@link
 * OutboxRecord}), so an outbox written before events existed is replayed as it was.
 *
 * <p>Threading: {@link #publish} runs on the caller's thread and blocks while {@code maxInFlight}
 * sends await acknowledgement (back-pressure); retries run on one scheduler thread.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Outbox outbox;
  private final ReadingPublisher publisher;
  private final GatewaySettings settings;

  /** Events per outbox record (and message); a meter with more is split into several. */
  static final int MAX_EVENTS_PER_RECORD = 500;

  private final OutboxRecord.Codec codec = new OutboxRecord.Codec(EventCodec.withDefaultLimit());
  private final Semaphore inFlight;
  private final ScheduledExecutorService retries;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failedSends = new AtomicLong();
  private final Object drained = new Object();
  private volatile boolean closed;

  private Gateway(Outbox outbox, ReadingPublisher publisher, GatewaySettings settings) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("loadlens-gateway-retry").unstarted(r));
  }

  /** Starts a gateway and re-sends whatever the outbox still holds from a previous run. */
  public static Gateway start(Outbox outbox, ReadingPublisher publisher, GatewaySettings settings) {
    Gateway g = new Gateway(outbox, publisher, settings);
    Map<Long, byte[]> left = outbox.pending();
    if (!left.isEmpty()) {
      LOG.info("gateway: replaying {} records from the outbox", left.size());
    }
    for (Map.Entry<Long, byte[]> e : left.entrySet()) {
      OutboxRecord record;
      try {
        record = g.codec.decode(e.getValue());
      } catch (MalformedMessageException ex) {
        LOG.error(
            "gateway: outbox record {} is unreadable and is dropped: {}",
            e.getKey(),
            ex.getMessage());
        outbox.ack(e.getKey());
        continue;
      }
      g.acquire();
      g.send(e.getKey(), record, 0);
    }
    return g;
  }

  /** A gateway with default settings. */
  public static Gateway start(Outbox outbox, ReadingPublisher publisher) {
    return start(outbox, publisher, GatewaySettings.defaults());
  }

  /**
   * Stores the batch durably and sends it; returns once it is in the outbox.
   *
   * @throws OutboxFullException when the outbox is full (nothing was stored)
   */
  public void publish(ReadingBatch batch) {
    publishAll(List.of(batch));
  }

  /** Stores the batches durably with one device force and sends them. */
  public void publishAll(List<ReadingBatch> batches) {
    if (closed) {
      throw new IllegalStateException("gateway is closed");
    }
    List<OutboxRecord> records = new ArrayList<>(batches.size());
    List<byte[]> bytes = new ArrayList<>(batches.size());
    for (ReadingBatch b : batches) {
      records.add(new OutboxRecord.Batch(b));
      bytes.add(codec.encode(b));
    }
    store(records, bytes);
  }

  /**
   * Stores meter events durably (one outbox record per meter, at most {@value
   * #MAX_EVENTS_PER_RECORD} events each, with one device force) and sends them on the events
   * channel; returns once they are in the outbox. Events of several meters may be mixed; each
   * meter's events keep their order.
   *
   * @throws OutboxFullException when the outbox is full (nothing was stored)
   * @throws MalformedMessageException when one meter's events cannot be encoded within the message
   *     size limit (nothing was stored)
   */
  public void publishEvents(List<MeterEvent> events) {
    if (closed) {
      throw new IllegalStateException("gateway is closed");
    }
    List<OutboxRecord> records = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    for (EventBatch b : EventBatch.byMeter(events, MAX_EVENTS_PER_RECORD)) {
      records.add(new OutboxRecord.Events(b));
      bytes.add(codec.encode(b));
    }
    store(records, bytes);
  }

  private void store(List<OutboxRecord> records, List<byte[]> bytes) {
    if (records.isEmpty()) {
      return;
    }
    List<Long> seqs = outbox.appendAll(bytes);
    for (int i = 0; i < seqs.size(); i++) {
      acquire();
      send(seqs.get(i), records.get(i), 0);
    }
  }

  private void acquire() {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("gateway: interrupted while waiting for acknowledgements", e);
    }
  }

  private void send(long seq, OutboxRecord record, int attempt) {
    if (closed) {
      inFlight.release();
      return;
    }
    CompletableFuture<Void> f;
    try {
      f =
          switch (record) {
            case OutboxRecord.Batch b -> publisher.publish(b.batch());
            case OutboxRecord.Events e -> publisher.publishEvents(e.events());
          };
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                outbox.ack(seq);
                acknowledged.incrementAndGet();
                inFlight.release();
                synchronized (drained) {
                  drained.notifyAll();
                }
              } else {
                retryLater(seq, record, attempt, error);
              }
            });
  }

  private void retryLater(long seq, OutboxRecord record, int attempt, Throwable error) {
    failedSends.incrementAndGet();
    long delay =
        Math.min(
            settings.maxRetryDelay().toMillis(),
            settings.initialRetryDelay().toMillis() << Math.min(attempt, 20));
    if (attempt == 0 || attempt % 10 == 0) {
      LOG.warn(
          "gateway: {} not acknowledged (attempt {}), retrying in {} ms: {}",
          record,
          attempt + 1,
          delay,
          error.toString());
    }
    if (closed) {
      inFlight.release();
      return;
    }
    try {
      retries.schedule(() -> send(seq, record, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      inFlight.release(); // closed meanwhile: the batch stays in the outbox
    }
  }

  /**
   * Waits until every record (batch or events) in the outbox was acknowledged.
   *
   * @return true when the outbox is empty, false when the timeout passed first
   */
  public boolean drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      while (outbox.pendingCount() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          drained.wait(Math.max(1, Math.min(100, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Records (batches and events) waiting in the outbox for acknowledgement. */
  public int pendingCount() {
    return outbox.pendingCount();
  }

  /** Records (batches and events) acknowledged since start. */
  public long acknowledgedCount() {
    return acknowledged.get();
  }

  /** Send attempts that failed or timed out since start (each is retried). */
  public long failedSendCount() {
    return failedSends.get();
  }

  /** Stops sending; what is not acknowledged stays in the outbox for the next start. */
  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    publisher.close();
    outbox.close();
  }

  /**
   * How the gateway sends.
   *
   * @param maxInFlight sends awaiting acknowledgement before {@link #publish} blocks
   * @param ackTimeout a send not acknowledged within this is retried
   * @param initialRetryDelay first retry delay, doubled per attempt
   * @param maxRetryDelay retry delay cap
   */
  public record GatewaySettings(
      int maxInFlight, Duration ackTimeout, Duration initialRetryDelay, Duration maxRetryDelay) {
    public GatewaySettings {
      if (maxInFlight < 1) {
        throw new InvalidSettingsException("gateway.maxInFlight: " + maxInFlight + " is below 1");
      }
      positive("gateway.ackTimeout", ackTimeout);
      positive("gateway.initialRetryDelay", initialRetryDelay);
      positive("gateway.maxRetryDelay", maxRetryDelay);
    }

    public static GatewaySettings defaults() {
      return new GatewaySettings(
          1000, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    private static void positive(String field, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new InvalidSettingsException(field + ": " + d + " must be positive");
      }
    }
  }
}

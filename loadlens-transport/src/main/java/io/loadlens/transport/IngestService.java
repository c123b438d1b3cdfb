package io.loadlens.transport;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side: decodes what a {@link ReadingSubscriber} receives and writes it to a {@link
 * BatchSink}: reading batches to {@link BatchSink#write}, meter events to {@link
 * BatchSink#writeEvents} (with the same size limit as the codec's). Messages are acknowledged only
 * after the sink committed; a sink failure is retried with backoff (the messages stay
 * unacknowledged), and a message that cannot be decoded goes to {@link BatchSink#deadLetter} with
 * the reason and the stream carries on.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration MAX_SINK_RETRY_DELAY = Duration.ofSeconds(5);

  private final ReadingSubscriber subscriber;
  private final BatchSink sink;
  private final WireCodec codec;
  private final EventCodec eventCodec;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong sinkFailures = new AtomicLong();
  private volatile boolean stopping;
  private volatile IngestListener listener = IngestListener.NONE;

  public IngestService(ReadingSubscriber subscriber, BatchSink sink, WireCodec codec) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.eventCodec = new EventCodec(codec.maxBytes());
  }

  /** Observes committed batches (for metrics and latency measurement). */
  public IngestService listener(IngestListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    return this;
  }

  public void start() {
    subscriber.start(this::handle);
  }

  private void handle(List<InboundMessage> received) throws InterruptedException {
    List<ReadingBatch> batches = new ArrayList<>(received.size());
    List<MeterEvent> meterEvents = new ArrayList<>();
    for (InboundMessage m : received) {
      try {
        switch (m.channel()) {
          case READINGS -> batches.add(codec.decode(m.payload()));
          case EVENTS -> meterEvents.addAll(eventCodec.decode(m.payload()).events());
        }
      } catch (MalformedMessageException e) {
        deadLetters.incrementAndGet();
        LOG.warn(
            "ingest: rejected message from {} ({} bytes) to the dead letters: {}",
            m.source(),
            m.payload().length,
            e.getMessage());
        sink.deadLetter(m.source(), e.getMessage(), m.payload());
      }
    }
    if (!batches.isEmpty()) {
      withRetry(batches.size() + " batches", () -> sink.write(batches));
    }
    if (!meterEvents.isEmpty()) {
      withRetry(meterEvents.size() + " events", () -> sink.writeEvents(meterEvents));
    }
    messages.addAndGet(received.size());
    long n = 0;
    for (ReadingBatch b : batches) {
      n += b.rowCount();
    }
    rows.addAndGet(n);
    events.addAndGet(meterEvents.size());
    listener.committed(batches);
  }

  private void withRetry(String what, Runnable write) throws InterruptedException {
    long delay = 50;
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (RuntimeException e) {
        sinkFailures.incrementAndGet();
        if (stopping) {
          throw new TransportException("ingest stopping; " + what + " stay unacknowledged", e);
        }
        LOG.warn(
            "ingest: sink write of {} failed (attempt {}), retrying in {} ms: {}",
            what,
            attempt,
            delay,
            e.toString());
        Thread.sleep(delay);
        delay = Math.min(MAX_SINK_RETRY_DELAY.toMillis(), delay * 2);
      }
    }
  }

  /** Messages handled (committed or dead-lettered) since start. */
  public long messageCount() {
    return messages.get();
  }

  /** Rows committed to the sink since start. */
  public long rowCount() {
    return rows.get();
  }

  /** Meter events committed to the sink since start. */
  public long eventCount() {
    return events.get();
  }

  public long deadLetterCount() {
    return deadLetters.get();
  }

  public long sinkFailureCount() {
    return sinkFailures.get();
  }

  /** Stops receiving; unacknowledged messages are delivered again to the next ingest. */
  @Override
  public void close() {
    stopping = true;
    subscriber.close();
  }

  /** Observes the ingest; called on the subscriber's thread after each commit. */
  @FunctionalInterface
  public interface IngestListener {
    IngestListener NONE = batches -> {};

    void committed(List<ReadingBatch> batches);
  }
}

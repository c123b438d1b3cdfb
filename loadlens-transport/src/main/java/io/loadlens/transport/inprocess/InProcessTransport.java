package io.loadlens.transport.inprocess;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.InboundMessage;
import io.loadlens.transport.InvalidSettingsException;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.ReadingSubscriber;
import io.loadlens.transport.TransportException;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded transport: a bounded in-memory queue between a gateway and an ingest in one process,
 * with the semantics of the networked ones. Batches and events are encoded (so decoding is as
 * strict as on a broker) and share one queue, {@link ReadingPublisher#publish} blocks while the
 * queue is full (back-pressure), its future completes only after the sink committed, and messages
 * the handler did not accept go back to the head of the queue for the next subscriber (at least
 * once).
 */
public final class InProcessTransport {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessTransport.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private final int capacity;
  private final WireCodec codec;
  private final EventCodec eventCodec;

  private record Entry(InboundMessage message, CompletableFuture<Void> acked) {}

  /** How long a publish waits for queue space before it fails (the outbox retries it). */
  static final java.time.Duration FULL_WAIT = java.time.Duration.ofSeconds(1);

  public InProcessTransport(int capacity, WireCodec codec) {
    if (capacity < 1) {
      throw new InvalidSettingsException("inProcess.capacity: " + capacity + " is below 1");
    }
    this.capacity = capacity;
    this.codec = codec;
    this.eventCodec = new EventCodec(codec.maxBytes());
  }

  /** Messages waiting for a subscriber. */
  public int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  public ReadingPublisher publisher() {
    return new ReadingPublisher() {
      @Override
      public CompletableFuture<Void> publish(ReadingBatch batch) {
        return enqueue(new InboundMessage("in-process/" + batch.meter(), codec.encode(batch)));
      }

      @Override
      public CompletableFuture<Void> publishEvents(EventBatch events) {
        return enqueue(
            new InboundMessage(
                "in-process/" + events.meter() + "/events",
                eventCodec.encode(events),
                InboundMessage.Channel.EVENTS));
      }

      @Override
      public void close() {}
    };
  }

  private CompletableFuture<Void> enqueue(InboundMessage message) {
    Entry e = new Entry(message, new CompletableFuture<>());
    lock.lock();
    try {
      long waitNanos = FULL_WAIT.toNanos();
      while (queue.size() >= capacity) {
        if (waitNanos <= 0) {
          // No subscriber is taking: fail this send; the gateway's outbox keeps the record and
          // sends it again later, instead of blocking the publisher for good.
          return CompletableFuture.failedFuture(
              new TransportException(
                  "in-process queue full (capacity "
                      + capacity
                      + ") for "
                      + FULL_WAIT.toMillis()
                      + " ms"));
        }
        waitNanos = notFull.awaitNanos(waitNanos);
      }
      queue.addLast(e);
      notEmpty.signal();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(
          new TransportException("interrupted while queue full", ex));
    } finally {
      lock.unlock();
    }
    return e.acked();
  }

  /** A subscriber that hands at most {@code maxBatch} messages to the handler at a time. */
  public ReadingSubscriber subscriber(int maxBatch) {
    return new Subscriber(maxBatch);
  }

  private final class Subscriber implements ReadingSubscriber {
    private final int maxBatch;
    private volatile boolean closed;
    private Thread thread;

    Subscriber(int maxBatch) {
      this.maxBatch = maxBatch;
    }

    @Override
    public void start(MessageHandler handler) {
      thread =
          Thread.ofPlatform().daemon().name("loadlens-inprocess-ingest").start(() -> loop(handler));
    }

    private void loop(MessageHandler handler) {
      while (!closed) {
        List<Entry> taken = take();
        if (taken.isEmpty()) {
          continue;
        }
        List<InboundMessage> messages = new ArrayList<>(taken.size());
        taken.forEach(e -> messages.add(e.message()));
        try {
          handler.onMessages(messages);
          taken.forEach(e -> e.acked().complete(null));
        } catch (Exception ex) {
          if (!closed) {
            LOG.warn(
                "in-process ingest: handler failed, {} messages requeued: {}",
                taken.size(),
                ex.toString());
          }
          requeue(taken);
          if (ex instanceof InterruptedException) {
            return;
          }
        }
      }
    }

    private List<Entry> take() {
      List<Entry> out = new ArrayList<>();
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          notEmpty.await(100, TimeUnit.MILLISECONDS);
        }
        while (!queue.isEmpty() && out.size() < maxBatch) {
          out.add(queue.pollFirst());
        }
        notFull.signalAll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      } finally {
        lock.unlock();
      }
      return out;
    }

    private void requeue(List<Entry> taken) {
      lock.lock();
      try {
        for (int i = taken.size() - 1; i >= 0; i--) {
          queue.addFirst(taken.get(i));
        }
        notEmpty.signal();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      closed = true;
      if (thread != null) {
        try {
          thread.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

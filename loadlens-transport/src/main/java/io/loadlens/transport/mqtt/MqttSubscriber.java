package io.loadlens.transport.mqtt;

import io.loadlens.transport.InboundMessage;
import io.loadlens.transport.InvalidSettingsException;
import io.loadlens.transport.ReadingSubscriber;
import io.loadlens.transport.Topics;
import io.loadlens.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives batches from {@code loadlens/v1/+/+/profile} and meter events from {@code
 * loadlens/v1/+/+/events} (optionally as shared subscriptions {@code $share/<group>/…} so several
 * ingest processes split the load) on a persistent session, and acknowledges each message only
 * after the handler returned. A message's channel is told by its topic. A restarted ingest with the
 * same client id receives what was published while it was away (up to the broker's queue limit).
 */
public final class MqttSubscriber implements ReadingSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);

  private final MqttSettings settings;
  private final List<String> filters;
  private final int maxBatch;
  private final LinkedBlockingQueue<MqttLink.Received> received = new LinkedBlockingQueue<>();
  private final MqttLink link;
  private final java.util.concurrent.CompletableFuture<Void> subscribed =
      new java.util.concurrent.CompletableFuture<>();
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param shareGroup MQTT 5 shared-subscription group, or null for a plain subscription
   * @param maxBatch most messages handed to the handler at once
   */
  public MqttSubscriber(MqttSettings settings, String shareGroup, int maxBatch) {
    if (maxBatch < 1) {
      throw new InvalidSettingsException("ingest.maxBatch: " + maxBatch + " is below 1");
    }
    this.settings = settings;
    this.maxBatch = maxBatch;
    String prefix = shareGroup == null ? "" : "$share/" + Topics.checkGateway(shareGroup) + "/";
    this.filters = List.of(prefix + Topics.ALL_PROFILES, prefix + Topics.ALL_EVENTS);
    this.link =
        MqttLink.create(
            settings,
            null,
            new MqttLink.Events() {
              @Override
              public void connected() {
                LOG.info("ingest: connected to {}, subscribing to {}", settings, filters);
                java.util.concurrent.CompletableFuture<?>[] each =
                    new java.util.concurrent.CompletableFuture<?>[filters.size()];
                for (int i = 0; i < each.length; i++) {
                  String filter = filters.get(i);
                  each[i] =
                      link.subscribe(filter, settings.qos())
                          .whenComplete(
                              (ok, e) -> {
                                if (e != null) {
                                  LOG.error(
                                      "ingest: subscribe to {} failed: {}", filter, e.toString());
                                }
                              });
                }
                java.util.concurrent.CompletableFuture.allOf(each)
                    .thenRun(() -> subscribed.complete(null));
              }

              @Override
              public void disconnected(Throwable cause) {
                if (!closed) {
                  LOG.warn("ingest: disconnected from {}: {}", settings, describe(cause));
                }
              }
            });
    link.onMessage(received::add);
  }

  @Override
  public void start(MessageHandler handler) {
    thread = Thread.ofPlatform().daemon().name("loadlens-mqtt-ingest").start(() -> loop(handler));
    link.connect()
        .exceptionally(
            e -> {
              LOG.warn("ingest: first connect to {} failed, retrying: {}", settings, describe(e));
              return null;
            });
  }

  private void loop(MessageHandler handler) {
    List<MqttLink.Received> taken = new ArrayList<>(maxBatch);
    while (!closed) {
      try {
        MqttLink.Received first = received.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        received.drainTo(taken, maxBatch - 1);
        List<InboundMessage> messages = new ArrayList<>(taken.size());
        for (MqttLink.Received r : taken) {
          messages.add(new InboundMessage(r.topic(), r.payload(), channel(r.topic())));
        }
        handler.onMessages(messages);
        if (closed) {
          return; // stopped during the handler: leave unacknowledged
        }
        for (MqttLink.Received r : taken) {
          r.ack().run();
        }
        taken.clear();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.warn("ingest: {} messages left unacknowledged: {}", taken.size(), e.toString());
        return;
      }
    }
  }

  /** Stops without acknowledging what is in hand; the broker keeps it for the session. */
  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      link.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("ingest: disconnect: {}", e.toString());
    }
  }

  /** Completes when the first subscriptions (profiles and events) were acknowledged. */
  public java.util.concurrent.CompletableFuture<Void> subscribed() {
    return subscribed;
  }

  public boolean isConnected() {
    return link.isConnected();
  }

  /** The channel of a received topic: {@code …/events} carries events, everything else batches. */
  static InboundMessage.Channel channel(String topic) {
    return topic.endsWith("/events")
        ? InboundMessage.Channel.EVENTS
        : InboundMessage.Channel.READINGS;
  }

  /** A one-line reason for a connection failure, naming TLS problems plainly. */
  static String describe(Throwable cause) {
    Throwable t = cause;
    while (t != null) {
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + t.getMessage();
      }
      t = t.getCause();
    }
    return cause == null ? "unknown cause" : cause.toString();
  }

  static TransportException wrap(String what, Throwable e) {
    return new TransportException(what + ": " + describe(e), e);
  }
}

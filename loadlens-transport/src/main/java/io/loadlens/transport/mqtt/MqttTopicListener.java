package io.loadlens.transport.mqtt;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to topics that are not loadlens's own (a Zigbee gateway's {@code zigbee2mqtt/+}, say)
 * and hands every message to a handler, acknowledging it after the handler returns. A handler that
 * throws is logged with the topic; the message is acknowledged all the same (it cannot succeed on a
 * retry) and the stream carries on. Reconnects with the settings' backoff.
 */
public final class MqttTopicListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttTopicListener.class);

  /** Receives one message. */
  @FunctionalInterface
  public interface Handler {
    void accept(String topic, byte[] payload) throws Exception;
  }

  private final MqttLink link;
  private volatile boolean closed;

  private MqttTopicListener(MqttSettings settings, String filter, Handler handler) {
    AtomicReference<MqttLink> self = new AtomicReference<>();
    this.link =
        MqttLink.create(
            settings,
            null,
            new MqttLink.Events() {
              @Override
              public void connected() {
                LOG.info("listener: connected to {}, subscribing to {}", settings, filter);
                self.get()
                    .subscribe(filter, settings.qos())
                    .exceptionally(
                        e -> {
                          LOG.error("listener: subscribe to {} failed: {}", filter, e.toString());
                          return null;
                        });
              }

              @Override
              public void disconnected(Throwable cause) {
                if (!closed) {
                  LOG.warn(
                      "listener: disconnected from {}: {}",
                      settings,
                      MqttSubscriber.describe(cause));
                }
              }
            });
    self.set(link);
    link.onMessage(
        r -> {
          try {
            handler.accept(r.topic(), r.payload());
          } catch (Exception e) {
            LOG.warn("listener: message on {} rejected: {}", r.topic(), e.getMessage());
          } finally {
            r.ack().run();
          }
        });
  }

  /** Connects (retrying in the background) and subscribes to {@code filter}. */
  public static MqttTopicListener start(MqttSettings settings, String filter, Handler handler) {
    MqttTopicListener l = new MqttTopicListener(settings, filter, handler);
    l.link
        .connect()
        .exceptionally(
            e -> {
              LOG.warn(
                  "listener: first connect to {} failed, retrying: {}",
                  settings,
                  MqttSubscriber.describe(e));
              return null;
            });
    return l;
  }

  public boolean isConnected() {
    return link.isConnected();
  }

  @Override
  public void close() {
    closed = true;
    link.disconnect();
  }
}

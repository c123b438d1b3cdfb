package io.loadlens.transport.mqtt;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.Topics;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes batches to {@code loadlens/v1/<gateway>/<meter>/profile} and meter events to {@code
 * loadlens/v1/<gateway>/<meter>/events} at the configured QoS; the future completes on PUBACK (QoS
 * 1) or PUBCOMP (QoS 2). Keeps the retained {@code loadlens/v1/<gateway>/status} at {@code online}
 * while connected, with a retained last will {@code offline}. Reconnects by itself with exponential
 * backoff.
 */
public final class MqttPublisher implements ReadingPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

  private final MqttSettings settings;
  private final String gateway;
  private final WireCodec codec;
  private final EventCodec eventCodec;
  private final Clock clock;
  private final MqttLink link;
  private volatile boolean closing;

  private MqttPublisher(MqttSettings settings, String gateway, WireCodec codec, Clock clock) {
    this.settings = settings;
    this.gateway = Topics.checkGateway(gateway);
    this.codec = codec;
    this.eventCodec = new EventCodec(codec.maxBytes());
    this.clock = clock;
    MqttLink.Will will =
        new MqttLink.Will(
            Topics.status(gateway), status("offline").getBytes(StandardCharsets.UTF_8));
    this.link =
        MqttLink.create(
            settings,
            will,
            new MqttLink.Events() {
              @Override
              public void connected() {
                LOG.info("gateway {}: connected to {}", gateway, settings);
                publishStatus("online");
              }

              @Override
              public void disconnected(Throwable cause) {
                if (closing) {
                  LOG.info("gateway {}: disconnected from {} on close", gateway, settings);
                  return;
                }
                LOG.warn(
                    "gateway {}: disconnected from {}: {}",
                    gateway,
                    settings,
                    MqttSubscriber.describe(cause));
              }
            });
  }

  /**
   * Creates the publisher and starts connecting; it waits up to {@code connectTimeoutMillis} for
   * the first connection but returns either way (publishes fail until connected and are retried by
   * the gateway's outbox).
   */
  public static MqttPublisher connect(
      MqttSettings settings,
      String gateway,
      WireCodec codec,
      Clock clock,
      long connectTimeoutMillis) {
    MqttPublisher p = new MqttPublisher(settings, gateway, codec, clock);
    try {
      p.link.connect().get(connectTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn(
          "gateway {}: {} not reachable yet; reconnecting in the background", gateway, settings);
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.warn(
          "gateway {}: first connect to {} failed: {}",
          gateway,
          settings,
          MqttSubscriber.describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return p;
  }

  private String status(String state) {
    return "{\"gateway\":\""
        + gateway
        + "\",\"state\":\""
        + state
        + "\",\"at\":\""
        + clock.instant()
        + "\"}";
  }

  private void publishStatus(String state) {
    link.publish(
            Topics.status(gateway),
            status(state).getBytes(StandardCharsets.UTF_8),
            1,
            true,
            "application/json")
        .exceptionally(
            e -> {
              LOG.debug("gateway {}: status {} not published: {}", gateway, state, e.toString());
              return null;
            });
  }

  @Override
  public CompletableFuture<Void> publish(ReadingBatch batch) {
    byte[] payload = codec.encode(batch);
    return link.publish(
        Topics.profile(gateway, batch.meter()),
        payload,
        settings.qos(),
        false,
        codec.contentType());
  }

  @Override
  public CompletableFuture<Void> publishEvents(EventBatch events) {
    byte[] payload = eventCodec.encode(events);
    return link.publish(
        Topics.events(gateway, events.meter()),
        payload,
        settings.qos(),
        false,
        EventCodec.CONTENT_TYPE);
  }

  public boolean isConnected() {
    return link.isConnected();
  }

  /** Publishes status {@code offline} and disconnects. */
  @Override
  public void close() {
    closing = true;
    try {
      if (link.isConnected()) {
        link.publish(
                Topics.status(gateway),
                status("offline").getBytes(StandardCharsets.UTF_8),
                1,
                true,
                "application/json")
            .get(2, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.debug("gateway {}: offline status not published: {}", gateway, e.toString());
    }
    try {
      link.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("gateway {}: disconnect: {}", gateway, e.toString());
    }
  }
}

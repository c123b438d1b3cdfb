package io.loadlens.transport.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The few MQTT operations the transport needs, over the HiveMQ v5 or v3.1.1 client. */
interface MqttLink {

  /** A received PUBLISH; {@link #ack} sends its PUBACK / PUBREC. */
  record Received(String topic, byte[] payload, Runnable ack) {}

  /** Registers the handler for every received message (manual acknowledgement); before connect. */
  void onMessage(Consumer<Received> handler);

  /** Connects with a persistent session; completes with whether the broker still had it. */
  CompletableFuture<Boolean> connect();

  CompletableFuture<Void> publish(
      String topic, byte[] payload, int qos, boolean retain, String contentType);

  CompletableFuture<Void> subscribe(String filter, int qos);

  CompletableFuture<Void> disconnect();

  boolean isConnected();

  static MqttLink create(MqttSettings s, Will will, Events events) {
    return s.version() == MqttSettings.Version.V5
        ? new Mqtt5Link(s, will, events)
        : new Mqtt3Link(s, will, events);
  }

  /** Connection state changes, called on the client's threads (must not block). */
  interface Events {
    void connected();

    void disconnected(Throwable cause);
  }

  /** A retained last-will message, or none. */
  record Will(String topic, byte[] payload) {}
}

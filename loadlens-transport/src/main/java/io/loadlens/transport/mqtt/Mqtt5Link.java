package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.loadlens.transport.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link MqttLink} over MQTT 5: clean start false with a session expiry interval. */
final class Mqtt5Link implements MqttLink {
  private final MqttSettings settings;
  private final Will will;
  private final Mqtt5AsyncClient client;

  Mqtt5Link(MqttSettings settings, Will will, Events events) {
    this.settings = settings;
    this.will = will;
    this.client = MqttClientConfig.builder(settings, events).useMqttVersion5().buildAsync();
  }

  @Override
  public void onMessage(Consumer<Received> handler) {
    client.publishes(
        MqttGlobalPublishFilter.ALL,
        p ->
            handler.accept(
                new Received(p.getTopic().toString(), p.getPayloadAsBytes(), p::acknowledge)),
        true);
  }

  @Override
  public CompletableFuture<Boolean> connect() {
    Mqtt5ConnectBuilder.Send<
            CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>>
        c =
            client
                .connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                .keepAlive((int) settings.keepAlive().toSeconds());
    if (settings.username().isPresent()) {
      c =
          c.simpleAuth()
              .username(settings.username().get())
              .password(MqttClientConfig.password(settings))
              .applySimpleAuth();
    }
    if (will != null) {
      c =
          c.willPublish()
              .topic(will.topic())
              .payload(will.payload())
              .qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
              .retain(true)
              .applyWillPublish();
    }
    return c.send().thenApply(ack -> ack.isSessionPresent());
  }

  @Override
  public CompletableFuture<Void> publish(
      String topic, byte[] payload, int qos, boolean retain, String contentType) {
    return client
        .publishWith()
        .topic(topic)
        .qos(MqttClientConfig.qos(qos))
        .retain(retain)
        .contentType(contentType)
        .payload(payload)
        .send()
        .thenApply(Mqtt5Link::check);
  }

  private static Void check(Mqtt5PublishResult r) {
    if (r.getError().isPresent()) {
      throw new TransportException(
          "MQTT publish failed: " + r.getError().get().getMessage(), r.getError().get());
    }
    if (r instanceof Mqtt5PublishResult.Mqtt5Qos1Result q1
        && q1.getPubAck().getReasonCode().isError()) {
      throw new TransportException("MQTT PUBACK reason " + q1.getPubAck().getReasonCode());
    }
    if (r instanceof Mqtt5PublishResult.Mqtt5Qos2Result q2
        && q2.getPubRec().getReasonCode().isError()) {
      throw new TransportException("MQTT PUBREC reason " + q2.getPubRec().getReasonCode());
    }
    return null;
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos) {
    return client
        .subscribeWith()
        .topicFilter(filter)
        .qos(MqttClientConfig.qos(qos))
        .send()
        .thenAccept(
            ack -> {
              if (ack.getReasonCodes().stream().anyMatch(rc -> rc.isError())) {
                throw new TransportException(
                    "MQTT subscribe to " + filter + " refused: " + ack.getReasonCodes());
              }
            });
  }

  @Override
  public CompletableFuture<Void> disconnect() {
    return client.disconnect();
  }

  @Override
  public boolean isConnected() {
    return client.getState().isConnected();
  }
}

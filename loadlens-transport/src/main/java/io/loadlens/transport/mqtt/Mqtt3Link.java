package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import io.loadlens.transport.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link MqttLink} over MQTT 3.1.1: clean session false (the broker's session lifetime applies).
 */
final class Mqtt3Link implements MqttLink {
  private final MqttSettings settings;
  private final Will will;
  private final Mqtt3AsyncClient client;

  Mqtt3Link(MqttSettings settings, Will will, Events events) {
    this.settings = settings;
    this.will = will;
    this.client = MqttClientConfig.builder(settings, events).useMqttVersion3().buildAsync();
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
    Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> c =
        client.connectWith().cleanSession(false).keepAlive((int) settings.keepAlive().toSeconds());
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
    return c.send().thenApply(Mqtt3ConnAck::isSessionPresent);
  }

  @Override
  public CompletableFuture<Void> publish(
      String topic, byte[] payload, int qos, boolean retain, String contentType) {
    return client
        .publishWith()
        .topic(topic)
        .qos(MqttClientConfig.qos(qos))
        .retain(retain)
        .payload(payload)
        .send()
        .thenApply(p -> null);
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
              if (ack.getReturnCodes().stream().anyMatch(rc -> rc.isError())) {
                throw new TransportException(
                    "MQTT subscribe to " + filter + " refused: " + ack.getReturnCodes());
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

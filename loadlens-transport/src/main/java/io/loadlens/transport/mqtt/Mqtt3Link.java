package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link MqttLink} over MQTT 3.1.1: clean session false (the broker's session lifetime applies).
 */
final class Mqtt3Link
    extends MqttLinkBase<Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>>> {
  private final Mqtt3AsyncClient client;

  Mqtt3Link(MqttSettings settings, Will will, Events events) {
    this(settings, will, MqttClientConfig.builder(settings, events).useMqttVersion3().buildAsync());
  }

  private Mqtt3Link(MqttSettings settings, Will will, Mqtt3AsyncClient client) {
    super(settings, will, client);
    this.client = client;
  }

  @Override
  public void onMessage(Consumer<Received> handler) {
    client.publishes(
        MqttGlobalPublishFilter.ALL,
        p -> handler.accept(received(p.getTopic(), p.getPayloadAsBytes(), p::acknowledge)),
        true);
  }

  @Override
  Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> persistentSession(int keepAlive) {
    return client.connectWith().cleanSession(false).keepAlive(keepAlive);
  }

  @Override
  Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> withCredentials(
      Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> c, String user, byte[] password) {
    return c.simpleAuth().username(user).password(password).applySimpleAuth();
  }

  @Override
  Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> withRetainedWill(
      Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> c, Will w) {
    return c.willPublish()
        .topic(w.topic())
        .payload(w.payload())
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .applyWillPublish();
  }

  @Override
  CompletableFuture<Boolean> send(Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> c) {
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
            ack -> requireGranted(filter, ack.getReturnCodes(), Mqtt3SubAckReturnCode::isError));
  }

  @Override
  public CompletableFuture<Void> disconnect() {
    return client.disconnect();
  }
}

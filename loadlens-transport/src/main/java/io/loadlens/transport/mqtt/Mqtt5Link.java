package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.loadlens.transport.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link MqttLink} over MQTT 5: clean start false with a session expiry interval. */
final class Mqtt5Link
    extends MqttLinkBase<Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>>> {
  private final Mqtt5AsyncClient client;

  Mqtt5Link(MqttSettings settings, Will will, Events events) {
    this(settings, will, MqttClientConfig.builder(settings, events).useMqttVersion5().buildAsync());
  }

  private Mqtt5Link(MqttSettings settings, Will will, Mqtt5AsyncClient client) {
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
  Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> persistentSession(int keepAlive) {
    return client
        .connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
        .keepAlive(keepAlive);
  }

  @Override
  Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> withCredentials(
      Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> c, String user, byte[] password) {
    return c.simpleAuth().username(user).password(password).applySimpleAuth();
  }

  @Override
  Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> withRetainedWill(
      Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> c, Will w) {
    return c.willPublish()
        .topic(w.topic())
        .payload(w.payload())
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .applyWillPublish();
  }

  @Override
  CompletableFuture<Boolean> send(Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> c) {
    return c.send().thenApply(Mqtt5ConnAck::isSessionPresent);
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
            ack -> requireGranted(filter, ack.getReasonCodes(), Mqtt5SubAckReasonCode::isError));
  }

  @Override
  public CompletableFuture<Void> disconnect() {
    return client.disconnect();
  }
}

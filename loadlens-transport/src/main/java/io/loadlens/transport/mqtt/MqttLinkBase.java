package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import io.loadlens.transport.TransportException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * What the MQTT 3.1.1 and MQTT 5 links share: the order of a connect (the version's persistent
 * session, then the credentials when a username is set, then the will), the check of a SUBACK and
 * the connection state. HiveMQ's two APIs have no common types for these messages, so each version
 * supplies only the few calls of its own API.
 *
 * @param <C> the version's connect builder
 */
abstract sealed class MqttLinkBase<C> implements MqttLink permits Mqtt3Link, Mqtt5Link {
  final MqttSettings settings;
  private final Will will;
  private final MqttClient client;

  MqttLinkBase(MqttSettings settings, Will will, MqttClient client) {
    this.settings = settings;
    this.will = will;
    this.client = client;
  }

  @Override
  public final CompletableFuture<Boolean> connect() {
    C c = persistentSession((int) settings.keepAlive().toSeconds());
    if (settings.username().isPresent()) {
      c = withCredentials(c, settings.username().get(), MqttClientConfig.password(settings));
    }
    if (will != null) {
      c = withRetainedWill(c, will);
    }
    return send(c);
  }

  /** A connect that keeps the session on the broker, with this keep-alive in seconds. */
  abstract C persistentSession(int keepAliveSeconds);

  abstract C withCredentials(C connect, String username, byte[] password);

  /** Adds the will, published at least once and retained. */
  abstract C withRetainedWill(C connect, Will will);

  /** Sends the connect; completes with whether the broker still had the session. */
  abstract CompletableFuture<Boolean> send(C connect);

  @Override
  public boolean isConnected() {
    return client.getState().isConnected();
  }

  static Received received(MqttTopic topic, byte[] payload, Runnable ack) {
    return new Received(topic.toString(), payload, ack);
  }

  /** Throws when any of the SUBACK's codes for the filter is an error. */
  static <R> void requireGranted(String filter, List<R> codes, Predicate<R> isError) {
    if (codes.stream().anyMatch(isError)) {
      throw new TransportException("MQTT subscribe to " + filter + " refused: " + codes);
    }
  }
}

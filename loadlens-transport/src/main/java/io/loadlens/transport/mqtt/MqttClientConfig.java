package io.loadlens.transport.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.loadlens.transport.InvalidSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Settings to HiveMQ client builder: host, TLS, reconnect. */
final class MqttClientConfig {
  private MqttClientConfig() {}

  static MqttClientBuilder builder(MqttSettings s, MqttLink.Events events) {
    MqttClientBuilder b =
        com.hivemq.client.mqtt.MqttClient.builder()
            .identifier(s.clientId())
            .serverHost(s.host())
            .serverPort(s.port())
            .automaticReconnect()
            .initialDelay(s.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
            .maxDelay(s.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(ctx -> events.connected())
            .addDisconnectedListener(ctx -> events.disconnected(ctx.getCause()));
    if (s.tls()) {
      b = b.sslConfig(ssl(s));
    }
    return b;
  }

  static MqttClientSslConfig ssl(MqttSettings s) {
    MqttClientSslConfigBuilder ssl =
        MqttClientSslConfig.builder().protocols(List.of("TLSv1.3", "TLSv1.2"));
    if (s.caFile().isPresent()) {
      ssl = ssl.trustManagerFactory(TlsFiles.trust(s.caFile().get()));
    }
    if (s.certFile().isPresent() && s.keyFile().isPresent()) {
      ssl = ssl.keyManagerFactory(TlsFiles.keys(s.certFile().get(), s.keyFile().get()));
    }
    return ssl.build();
  }

  static byte[] password(MqttSettings s) {
    if (s.passwordFile().isEmpty()) {
      return new byte[0];
    }
    try {
      String text = Files.readString(s.passwordFile().get(), StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return (nl < 0 ? text : text.substring(0, nl)).strip().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingsException(
          "mqtt.passwordFile: " + s.passwordFile().get() + " cannot be read", e);
    }
  }

  static MqttQos qos(int q) {
    return q == 2 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE;
  }
}

package io.loadlens.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {

  @Test
  void parsesUrlsWithDefaultPorts() {
    MqttSettings tls = MqttSettings.fromUrl("mqtts://broker.example", "gw1");
    assertThat(tls.tls()).isTrue();
    assertThat(tls.port()).isEqualTo(8883);
    assertThat(tls.qos()).isEqualTo(1);
    assertThat(MqttSettings.fromUrl("mqtt://127.0.0.1", "gw1").port()).isEqualTo(1883);
    assertThat(MqttSettings.fromUrl("mqtt://127.0.0.1:1884", "gw1").port()).isEqualTo(1884);
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> MqttSettings.fromUrl("http://h:1", "gw"))
        .hasMessage("mqtt.url: scheme 'http' in 'http://h:1' is not mqtt or mqtts");
    assertThatThrownBy(() -> MqttSettings.fromUrl("mqtt://h", "gw").withQos(0))
        .hasMessage("mqtt.qos: 0 is not 1 or 2 (QoS 0 may lose readings)");
    assertThatThrownBy(() -> MqttSettings.fromUrl("mqtt://h", "a b"))
        .hasMessageStartingWith("mqtt.clientId: 'a b' must be");
    assertThatThrownBy(
            () ->
                MqttSettings.fromUrl("mqtts://h", "gw").withCaFile(Path.of("/nonexistent/ca.pem")))
        .hasMessage("mqtt.caFile: /nonexistent/ca.pem does not exist or is not readable");
    assertThatThrownBy(
            () -> MqttSettings.fromUrl("mqtt://h", "gw").withCaFile(Path.of("/etc/hostname")))
        .hasMessageStartingWith("mqtt.url: h:1883 is plain mqtt:// but TLS files are set");
    assertThatThrownBy(
            () ->
                MqttSettings.fromUrl("mqtts://h", "gw")
                    .withCredentials("u", Path.of("/nonexistent/pw")))
        .hasMessage("mqtt.passwordFile: /nonexistent/pw does not exist or is not readable");
  }

  @Test
  void withersChangeOnlyTheirOwnComponents(@TempDir Path dir) throws Exception {
    Path ca = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "ca");
    Path cert = java.nio.file.Files.writeString(dir.resolve("client.pem"), "cert");
    Path key = java.nio.file.Files.writeString(dir.resolve("client.key"), "key");
    Path pw = java.nio.file.Files.writeString(dir.resolve("pw"), "secret");

    MqttSettings changed =
        MqttSettings.fromUrl("mqtts://h:8884", "gw")
            .withCaFile(ca)
            .withClientCertificate(cert, key)
            .withCredentials("user", pw)
            .withVersion(MqttSettings.Version.V3_1_1)
            .withQos(2)
            .withClientId("gw2")
            .withSessionExpiry(Duration.ofHours(1))
            .withReconnectDelays(Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(changed)
        .isEqualTo(
            new MqttSettings(
                "h",
                8884,
                true,
                Optional.of(ca),
                Optional.of(cert),
                Optional.of(key),
                Optional.of("user"),
                Optional.of(pw),
                MqttSettings.Version.V3_1_1,
                2,
                "gw2",
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5)));
  }

  @Test
  void withersCheckTheChangedValue() {
    MqttSettings s = MqttSettings.fromUrl("mqtt://h", "gw");
    assertThatThrownBy(() -> s.withClientId("a b"))
        .hasMessageStartingWith("mqtt.clientId: 'a b' must be");
    assertThatThrownBy(() -> s.withReconnectDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageStartingWith("mqtt.reconnect: initial delay PT5S must be positive");
  }

  @Test
  void keyFileMustBePkcs8() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("keys");
    Path key = dir.resolve("rsa.key");
    java.nio.file.Files.writeString(
        key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    TestPki pki = new TestPki(dir, "ca");
    Path[] c = pki.issue("client", false);
    assertThatThrownBy(() -> TlsFiles.keys(c[0], key))
        .hasMessageContaining("holds no '-----BEGIN PRIVATE KEY-----' block (PKCS#8)");
    assertThat(TlsFiles.keys(c[0], c[1]).getKeyManagers()).isNotEmpty();
  }
}

package io.loadlens.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.transport.InvalidSettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MqttLinkTest {
  private static final MqttLink.Events QUIET =
      new MqttLink.Events() {
        @Override
        public void connected() {}

        @Override
        public void disconnected(Throwable cause) {}
      };

  @ParameterizedTest
  @EnumSource(MqttSettings.Version.class)
  void readsThePasswordFileAtConnectWhenAUsernameIsSet(
      MqttSettings.Version version, @TempDir Path dir) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "secret\n");
    MqttSettings settings =
        MqttSettings.fromUrl("mqtt://127.0.0.1:1", "link-" + version)
            .withVersion(version)
            .withCredentials("gateway", password);
    MqttLink link = MqttLink.create(settings, null, QUIET);
    Files.delete(password);

    assertThatThrownBy(link::connect)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("mqtt.passwordFile: " + password + " cannot be read");
  }
}

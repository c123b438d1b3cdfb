package io.loadlens.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadlensConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("loadlens.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void missingSectionsTakeTheDocumentedDefaults() throws Exception {
    LoadlensConfig c = LoadlensConfig.load(write("data_dir: /srv/loadlens\n"));
    assertThat(c.dataDir()).isEqualTo("/srv/loadlens");
    assertThat(c.collector().intervalMinutes()).isEqualTo(15);
    assertThat(c.transport().kind()).isEqualTo("in-process");
    assertThat(c.server().port()).isEqualTo(8443);
    assertThat(c.vee().interpolationLimitMinutes()).isEqualTo(120);
  }

  @Test
  void aTypoInAKeyIsAnErrorNamingFileLineAndKey() throws Exception {
    Path f = write("data_dir: ./data\ncollector:\n  interval_minuts: 15\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(f + ":3: unknown key 'interval_minuts' in 'collector'")
        .hasMessageContaining("interval_minutes");
  }

  @Test
  void aNegativeIntervalIsAnErrorNamingTheField() throws Exception {
    Path f = write("collector:\n  interval_minutes: -5\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ":")
        .hasMessageContaining("collector.interval_minutes must be positive, got -5");
  }

  @Test
  void aWrongTypeIsAnErrorNamingTheField() throws Exception {
    Path f = write("server:\n  port: eighty\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":2: field 'server.port'");
  }

  @Test
  void aWrongListElementIsAnErrorAtItsOwnLine() throws Exception {
    Path f = write("server:\n  cors_origins:\n    - https://a.example\n    - {url: b}\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(f + ":4: field 'server.cors_origins[1]': ");
  }

  @Test
  void invalidYamlIsAnErrorNamingTheFileAndTheParsersLine() throws Exception {
    Path f = write("data_dir: ./data\n\tcollector: 1\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("\\Q" + f + "\\E:\\d+: not valid YAML \\(.+\\)");
  }

  @Test
  void anUnknownTransportIsRejected() throws Exception {
    Path f = write("transport:\n  kind: carrier-pigeon\n");
    assertThatThrownBy(() -> LoadlensConfig.load(f))
        .hasMessageContaining(
            "transport.kind 'carrier-pigeon' is not one of in-process, mqtt, kafka");
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> LoadlensConfig.load(f)).hasMessage(f + ": file not found");
  }
}

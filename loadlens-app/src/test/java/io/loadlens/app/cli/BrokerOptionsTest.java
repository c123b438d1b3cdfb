package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.app.config.ConfigException;
import io.loadlens.app.config.LoadlensConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerOptionsTest {
  @TempDir Path dir;

  private LoadlensConfig config(String kafka) throws Exception {
    Path f = dir.resolve("loadlens.yaml");
    Files.writeString(f, "transport:\n  kind: kafka\n  kafka:\n" + kafka);
    return LoadlensConfig.load(f);
  }

  @Test
  void kafkaTlsAndSaslFromLoadlensYamlBecomeClientProperties() throws Exception {
    Path password = dir.resolve("kafka.password");
    Files.writeString(password, "s3cret\n");
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    LoadlensConfig cfg =
        config(
            "    bootstrap: kafka1.example:9093\n"
                + "    events_topic: fleet.events\n"
                + "    tls:\n"
                + "      ca: "
                + ca
                + "\n"
                + "    sasl:\n"
                + "      mechanism: SCRAM-SHA-256\n"
                + "      username: gateway-7\n"
                + "      password_file: "
                + password
                + "\n");

    Properties p = new BrokerOptions.CertKey().kafka(cfg).clientProperties();

    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-256");
    assertThat(p.getProperty("sasl.jaas.config")).contains("gateway-7");
    assertThat(p.getProperty("bootstrap.servers")).isEqualTo("kafka1.example:9093");
  }

  @Test
  void bothCaAndTruststoreIsAnError() throws Exception {
    LoadlensConfig cfg =
        config(
            "    bootstrap: k:9093\n    tls:\n      ca: /etc/ca.pem\n      truststore: /etc/t.p12\n");
    assertThatThrownBy(() -> new BrokerOptions.CertKey().kafka(cfg))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("transport.kafka.tls: give ca or truststore, not both");
  }

  @Test
  void saslWithoutPasswordFileIsAnErrorNamingTheSection() throws Exception {
    assertThatThrownBy(
            () ->
                config(
                    "    bootstrap: k:9093\n    sasl:\n      mechanism: PLAIN\n      username: u\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("transport.kafka.sasl needs mechanism, username and password_file");
  }

  @Test
  void eachMixinTakesTheClientCertificateUnderItsOwnNames() {
    // gateway and ingest
    assertParsesClientCertificate(new BrokerOptions.CertKey(), "--cert", "--key");
    // listen, where --key is the meter's key
    assertParsesClientCertificate(
        new BrokerOptions.ClientCertKey(), "--client-cert", "--client-key");
    assertThatThrownBy(
            () -> new CommandLine(new BrokerOptions.ClientCertKey()).parseArgs("--key", "k"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  private static void assertParsesClientCertificate(
      BrokerOptions options, String certFlag, String keyFlag) {
    new CommandLine(options).parseArgs(certFlag, "client.pem", keyFlag, "client.key");
    assertThat(options.cert).isEqualTo(Path.of("client.pem"));
    assertThat(options.key).isEqualTo(Path.of("client.key"));
  }
}

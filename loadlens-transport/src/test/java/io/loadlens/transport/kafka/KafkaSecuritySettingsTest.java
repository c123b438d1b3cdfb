package io.loadlens.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.transport.InvalidSettingsException;
import io.loadlens.transport.mqtt.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How TLS and SASL settings become Kafka client properties, and what they refuse. */
class KafkaSecuritySettingsTest {

  @TempDir Path dir;
  private TestPki pki;
  private Path ca;
  private Path cert;
  private Path key;
  private Path password;

  @BeforeEach
  void files() throws Exception {
    pki = new TestPki(dir.resolve("pki"), "kafka test CA");
    pki.issue("server", true);
    Path[] client = pki.issue("client", false);
    ca = pki.dir.resolve("ca.pem");
    cert = client[0];
    key = client[1];
    password = Files.writeString(dir.resolve("password"), "pa\"ss\\word\n");
  }

  private static KafkaSettings base() {
    return KafkaSettings.of("broker.example:9093");
  }

  private static Map<String, String> props(KafkaSettings s) {
    Map<String, String> m = new HashMap<>();
    Properties p = s.clientProperties();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  @Test
  void withoutTlsOrSaslOnlyTheServersAndExtraAreSet() {
    KafkaSettings s =
        new KafkaSettings(
            "h:9092", "t", 1, (short) 1, "g", "c", Map.of("security.protocol", "SSL"));
    assertThat(props(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "h:9092", "security.protocol", "SSL"));
  }

  @Test
  void caFileMapsToAPemTruststoreWithHostnameVerification() {
    assertThat(props(base().withTls(KafkaTls.caFile(ca))))
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", ca.toAbsolutePath().toString())
        .containsEntry("ssl.endpoint.identification.algorithm", "https")
        .doesNotContainKeys("ssl.keystore.type", "sasl.mechanism");
  }

  @Test
  void systemTrustSetsOnlyTheProtocol() {
    assertThat(props(base().withTls(KafkaTls.systemTrust())))
        .containsEntry("security.protocol", "SSL")
        .doesNotContainKeys("ssl.truststore.location", "ssl.truststore.type");
  }

  @Test
  void truststoreAndKeystoreFilesMapWithTypeFromTheNameAndPasswordsFromFiles() throws Exception {
    Path plain = Files.writeString(dir.resolve("changeit"), "changeit\r\n");
    Path jks = Files.write(dir.resolve("client.jks"), new byte[] {1});
    KafkaSettings s =
        base()
            .withTls(
                KafkaTls.truststore(pki.dir.resolve("trust.p12"), plain).withKeystore(jks, plain));
    assertThat(props(s))
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry("ssl.truststore.password", "changeit")
        .containsEntry("ssl.keystore.type", "JKS")
        .containsEntry("ssl.keystore.location", jks.toAbsolutePath().toString())
        .containsEntry("ssl.keystore.password", "changeit")
        .containsEntry("ssl.key.password", "changeit");
  }

  @Test
  void clientPemMapsToAnInlinePemKeystore() throws Exception {
    Map<String, String> p = props(base().withTls(KafkaTls.caFile(ca).withClientPem(cert, key)));
    assertThat(p)
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.certificate.chain", Files.readString(cert))
        .containsEntry("ssl.keystore.key", Files.readString(key))
        .doesNotContainKey("ssl.keystore.location");
  }

  @Test
  void saslPlainWithoutTlsIsSaslPlaintextWithAnEscapedJaasConfig() {
    KafkaSettings s =
        base().withSasl(new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "gate\"way", password));
    assertThat(props(s))
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"gate\\\"way\" password=\"pa\\\"ss\\\\word\";");
  }

  @Test
  void scramWithTlsIsSaslSsl() {
    KafkaSettings s =
        base()
            .withTls(KafkaTls.caFile(ca))
            .withSasl(
                new KafkaSasl(KafkaSasl.Mechanism.parse("scram-sha-512"), "ingest", password));
    assertThat(props(s))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .hasEntrySatisfying(
            "sasl.jaas.config",
            v ->
                assertThat(v)
                    .startsWith(
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"));
    assertThat(s.toString())
        .isEqualTo(
            "kafka broker.example:9093 topics loadlens.readings, loadlens.events group"
                + " loadlens-ingest (SASL_SSL SCRAM-SHA-512 as ingest)")
        .doesNotContain("pa\"ss");
  }

  @Test
  void theKafkaClientAcceptsTheMappedPemAndSaslProperties() {
    KafkaSettings s =
        KafkaSettings.of("127.0.0.1:1")
            .withTls(KafkaTls.caFile(ca).withClientPem(cert, key))
            .withSasl(new KafkaSasl(KafkaSasl.Mechanism.SCRAM_SHA_256, "ingest", password));
    Properties p = s.clientProperties();
    p.put("group.id", "g");
    // builds the SSL engine (reads the CA, certificate and key) and parses the JAAS config
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      assertThat(c.metrics()).isNotEmpty();
    }
  }

  @Test
  void tlsSettingsNameTheField() throws Exception {
    Path p12 = pki.dir.resolve("trust.p12");
    Path nowhere = dir.resolve("nowhere.pem");
    assertThatThrownBy(() -> KafkaTls.caFile(nowhere))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("kafka.tls.caFile: " + nowhere + " does not exist");
    assertThatThrownBy(() -> new KafkaTls(ca, p12, null, null, null, null, null))
        .hasMessage("kafka.tls.truststoreFile: give either caFile or truststoreFile, not both");
    assertThatThrownBy(() -> new KafkaTls(null, null, null, cert, null, null, null))
        .hasMessage("kafka.tls.keyFile: missing (certFile is set)");
    assertThatThrownBy(() -> KafkaTls.caFile(ca).withKeystore(p12, null))
        .hasMessage("kafka.tls.keystorePasswordFile: missing (keystoreFile is set)");
    assertThatThrownBy(
            () -> KafkaTls.caFile(ca).withClientPem(cert, key).withKeystore(p12, password))
        .hasMessage(
            "kafka.tls.keystoreFile: give either certFile/keyFile or keystoreFile, not both");
    assertThatThrownBy(() -> KafkaTls.truststore(ca, null))
        .hasMessage(
            "kafka.tls.truststoreFile: '"
                + ca
                + "' has no known store type (name it .p12, .pfx or .jks)");
    KafkaSettings certAsKey = base().withTls(KafkaTls.caFile(ca).withClientPem(cert, cert));
    assertThatThrownBy(certAsKey::clientProperties)
        .hasMessage(
            "kafka.tls.keyFile: "
                + cert
                + " holds no PEM 'PRIVATE KEY' block (an unencrypted PKCS#8 key; convert with"
                + " openssl pkcs8 -topk8 -nocrypt)");
  }

  @Test
  void saslSettingsNameTheField() throws Exception {
    assertThatThrownBy(() -> KafkaSasl.Mechanism.parse("GSSAPI"))
        .hasMessage(
            "kafka.sasl.mechanism: 'GSSAPI' is not one of [PLAIN, SCRAM-SHA-256, SCRAM-SHA-512]");
    assertThatThrownBy(() -> new KafkaSasl(null, "u", password))
        .hasMessage("kafka.sasl.mechanism: missing (one of [PLAIN, SCRAM-SHA-256, SCRAM-SHA-512])");
    assertThatThrownBy(() -> new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "", password))
        .hasMessage("kafka.sasl.username: missing");
    assertThatThrownBy(() -> new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "a\nb", password))
        .hasMessage("kafka.sasl.username: must be 1 to 255 characters without control characters");
    assertThatThrownBy(() -> new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "u", null))
        .hasMessage("kafka.sasl.passwordFile: missing");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path twoLines = Files.writeString(dir.resolve("two"), "one\ntwo\n");
    assertThatThrownBy(
            () ->
                base()
                    .withSasl(new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "u", empty))
                    .clientProperties())
        .hasMessage("kafka.sasl.passwordFile: " + empty + " is empty");
    assertThatThrownBy(
            () ->
                base()
                    .withSasl(new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "u", twoLines))
                    .clientProperties())
        .hasMessage(
            "kafka.sasl.passwordFile: "
                + twoLines
                + " must hold the password on one line without control characters");
  }

  @Test
  void extraMayNotContradictTheTypedSecuritySettings() {
    assertThatThrownBy(
            () ->
                new KafkaSettings(
                    "h:9092",
                    "t",
                    "e",
                    1,
                    (short) 1,
                    "g",
                    "c",
                    KafkaTls.systemTrust(),
                    null,
                    Map.of("ssl.truststore.location", "/x")))
        .hasMessage(
            "kafka.extra: 'ssl.truststore.location' conflicts with kafka.tls/kafka.sasl (set one or"
                + " the other)");
    assertThatThrownBy(() -> base().withEventsTopic("loadlens.readings"))
        .hasMessage("kafka.eventsTopic: 'loadlens.readings' must differ from kafka.topic");
    assertThatThrownBy(() -> base().withEventsTopic("a b"))
        .hasMessageStartingWith("kafka.eventsTopic: 'a b' must be");
  }
}

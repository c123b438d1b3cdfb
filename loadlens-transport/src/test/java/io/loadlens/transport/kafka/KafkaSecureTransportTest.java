package io.loadlens.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.Events;
import io.loadlens.transport.Fleet;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.MemorySink;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.mqtt.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readings and events through an in-process KRaft broker whose client listener is SASL_SSL (server
 * certificate from a test CA, PLAIN and SCRAM-SHA-256 users), configured only through {@link
 * KafkaTls} and {@link KafkaSasl}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSecureTransportTest {

  @TempDir static Path tmp;
  private KafkaTestCluster cluster;
  private Path ca;
  private Path adminPassword;

  @BeforeAll
  void start() throws Exception {
    TestPki pki = new TestPki(tmp.resolve("pki"), "kafka test CA");
    pki.issue("server", true);
    ca = pki.dir.resolve("ca.pem");
    adminPassword = Files.writeString(tmp.resolve("admin.password"), "admin-secret\n");
    String p12 = pki.dir.resolve("server.p12").toString();
    String trust = pki.dir.resolve("trust.p12").toString();
    cluster =
        new KafkaTestCluster(
            Map.ofEntries(
                Map.entry(
                    "listener.security.protocol.map", "EXTERNAL:SASL_SSL,CONTROLLER:PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry(
                    "listener.name.external.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"admin\" password=\"admin-secret\""
                        + " user_admin=\"admin-secret\";"),
                Map.entry(
                    "listener.name.external.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry("ssl.keystore.location", p12),
                Map.entry("ssl.keystore.password", "changeit"),
                Map.entry("ssl.key.password", "changeit"),
                Map.entry("ssl.truststore.type", "PKCS12"),
                Map.entry("ssl.truststore.location", trust),
                Map.entry("ssl.truststore.password", "changeit")));
  }

  @AfterAll
  void stop() throws Exception {
    cluster.close();
  }

  private KafkaSettings settings(String name, KafkaSasl sasl) {
    return KafkaSettings.of(cluster.bootstrapServers())
        .withTopic(name, 2)
        .withEventsTopic(name + ".events")
        .withGroup(name + "-ingest")
        .withTls(KafkaTls.caFile(ca))
        .withSasl(sasl);
  }

  private static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private void roundTrip(KafkaSettings s) throws Exception {
    KafkaTopics.ensure(s);
    List<ReadingBatch> batches = Fleet.batches(5, 2, 96, 31);
    List<MeterEvent> events = Events.of(5, 3);
    MemorySink sink = new MemorySink();
    try (IngestService ingest =
            new IngestService(new KafkaSubscriber(s, "a", 50), sink, WireCodec.binary());
        KafkaPublisher p = new KafkaPublisher(s, WireCodec.binary())) {
      ingest.start();
      for (ReadingBatch b : batches) {
        p.publish(b).get();
      }
      for (var e : io.loadlens.transport.EventBatch.byMeter(events, 10)) {
        p.publishEvents(e).get();
      }
      await(
          "every row and event",
          Duration.ofSeconds(60),
          () -> sink.rowCount() == 10 * 96 && sink.eventCount() == events.size());
    }
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.events()).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void saslPlainOverTlsCarriesReadingsAndEvents() throws Exception {
    roundTrip(settings("plain", new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "admin", adminPassword)));
  }

  @Test
  void scramSha256OverTlsCarriesReadingsAndEvents() throws Exception {
    KafkaSettings admin =
        settings("scram", new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "admin", adminPassword));
    try (Admin a = Admin.create(admin.clientProperties())) {
      a.alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      "gateway",
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096),
                      "scram \"secret\"")))
          .all()
          .get();
    }
    Path pw = Files.writeString(tmp.resolve("gateway.password"), "scram \"secret\"");
    KafkaSettings scram =
        settings("scram", new KafkaSasl(KafkaSasl.Mechanism.SCRAM_SHA_256, "gateway", pw));
    // SCRAM credentials reach the broker's cache asynchronously; retry the first connection
    await(
        "SCRAM login",
        Duration.ofSeconds(30),
        () -> {
          try (Admin a = Admin.create(scram.clientProperties())) {
            a.listTopics().names().get();
            return true;
          } catch (Exception e) {
            return false;
          }
        });
    roundTrip(scram);
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    Path wrong = Files.writeString(tmp.resolve("wrong"), "nope");
    KafkaSettings s = settings("wrong", new KafkaSasl(KafkaSasl.Mechanism.PLAIN, "admin", wrong));
    try (Admin a = Admin.create(s.clientProperties())) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> a.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS)))
          .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
    }
  }
}

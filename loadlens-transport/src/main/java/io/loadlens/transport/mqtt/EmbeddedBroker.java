package io.loadlens.transport.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.loadlens.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker inside the JVM (HiveMQ Community Edition, embedded), for the all-in-one mode and
 * for tests without Mosquitto. Sessions and queued messages are kept in files under the work
 * directory, so {@link #stop} and {@link #start} keep them, like a broker restart. Clients are
 * accepted without credentials (bind it to loopback, or put it behind TLS with client
 * certificates). Queues hold up to {@link #MAX_QUEUED} messages per offline session.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /**
   * Messages kept per offline persistent session (HiveMQ's default of 1000 would drop readings).
   */
  public static final int MAX_QUEUED = 1_000_000;

  /**
   * The TLS listener.
   *
   * @param port TLS port (8883 by IANA registration)
   * @param keystore PKCS#12 key store with the server key and certificate
   * @param password key store and key password
   * @param truststore PKCS#12 trust store of client CAs; when present client certificates are
   *     required
   */
  public record Tls(int port, Path keystore, String password, Optional<Path> truststore) {}

  private final Path workDir;
  private final String bindAddress;
  private final int plainPort;
  private final Optional<Tls> tls;
  private EmbeddedHiveMQ hivemq;

  private EmbeddedBroker(Path workDir, String bindAddress, int plainPort, Optional<Tls> tls) {
    this.workDir = workDir;
    this.bindAddress = bindAddress;
    this.plainPort = plainPort;
    this.tls = tls;
  }

  /**
   * Starts a broker.
   *
   * @param plainPort plain MQTT port, or 0 for none
   */
  public static EmbeddedBroker start(
      Path workDir, String bindAddress, int plainPort, Optional<Tls> tls) {
    EmbeddedBroker b = new EmbeddedBroker(workDir, bindAddress, plainPort, tls);
    b.start();
    return b;
  }

  /** Starts (again) on the same data folder. */
  public synchronized void start() {
    if (hivemq != null) {
      return;
    }
    try {
      Path conf = Files.createDirectories(workDir.resolve("conf"));
      Files.createDirectories(workDir.resolve("data"));
      Files.createDirectories(workDir.resolve("extensions"));
      Files.writeString(conf.resolve("config.xml"), config());
      hivemq =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(conf)
              .withDataFolder(workDir.resolve("data"))
              .withExtensionsFolder(workDir.resolve("extensions"))
              .withEmbeddedExtension(allowAll())
              .build();
      hivemq.start().get();
      LOG.info("embedded MQTT broker started ({})", describe());
    } catch (IOException | ExecutionException e) {
      hivemq = null;
      throw new TransportException("embedded MQTT broker did not start (" + describe() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while starting the embedded MQTT broker", e);
    }
  }

  /** Stops the broker; sessions stay on disk for the next {@link #start}. */
  public synchronized void stop() {
    if (hivemq == null) {
      return;
    }
    try {
      hivemq.stop().get();
      hivemq.close();
    } catch (ExecutionException e) {
      throw new TransportException("embedded MQTT broker did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hivemq = null;
    }
    LOG.info("embedded MQTT broker stopped");
  }

  private String describe() {
    return (plainPort > 0 ? "mqtt://" + bindAddress + ":" + plainPort + " " : "")
        + tls.map(t -> "mqtts://" + bindAddress + ":" + t.port()).orElse("");
  }

  private String config() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<hivemq>\n  <listeners>\n");
    if (plainPort > 0) {
      x.append("    <tcp-listener><port>")
          .append(plainPort)
          .append("</port><bind-address>")
          .append(bindAddress)
          .append("</bind-address></tcp-listener>\n");
    }
    tls.ifPresent(
        t -> {
          x.append("    <tls-tcp-listener><port>")
              .append(t.port())
              .append("</port><bind-address>")
              .append(bindAddress)
              .append("</bind-address><tls>\n")
              .append("      <keystore><path>")
              .append(t.keystore().toAbsolutePath())
              .append("</path><password>")
              .append(t.password())
              .append("</password><private-key-password>")
              .append(t.password())
              .append("</private-key-password></keystore>\n");
          t.truststore()
              .ifPresent(
                  ts ->
                      x.append("      <truststore><path>")
                          .append(ts.toAbsolutePath())
                          .append("</path><password>")
                          .append(t.password())
                          .append("</password></truststore>\n")
                          .append(
                              "      <client-authentication-mode>REQUIRED</client-authentication-mode>\n"));
          x.append(
                  "      <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>\n")
              .append("    </tls></tls-tcp-listener>\n");
        });
    x.append("  </listeners>\n")
        .append("  <mqtt><queued-messages><max-queue-size>")
        .append(MAX_QUEUED)
        .append("</max-queue-size><strategy>discard</strategy></queued-messages></mqtt>\n")
        .append("  <persistence><mode>file</mode></persistence>\n")
        .append(
            "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n")
        .append("</hivemq>\n");
    return x.toString();
  }

  private static EmbeddedExtension allowAll() {
    return EmbeddedExtension.builder()
        .withId("loadlens-allow")
        .withName("loadlens allow-all authenticator")
        .withVersion("1")
        .withPriority(0)
        .withStartPriority(1000)
        .withAuthor("loadlens")
        .withExtensionMain(
            new ExtensionMain() {
              @Override
              public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                SimpleAuthenticator allow = (input, output) -> output.authenticateSuccessfully();
                Services.securityRegistry().setAuthenticatorProvider(input -> allow);
              }

              @Override
              public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}
            })
        .build();
  }

  @Override
  public void close() {
    stop();
  }
}

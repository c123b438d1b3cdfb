package io.loadlens.transport.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The TLS broker the MQTT integration tests run against: the CI's second Mosquitto on
 * 127.0.0.1:8883 (mutual TLS on 8884) when it answers and {@code /tmp/loadlens-mqtt-tls} exists
 * (see .ci/mosquitto-tls.sh), otherwise an embedded HiveMQ broker with certificates made here.
 */
abstract class TlsBroker implements AutoCloseable {
  static final Path MOSQUITTO_DIR =
      Path.of(System.getenv().getOrDefault("LOADLENS_MQTT_TLS_DIR", "/tmp/loadlens-mqtt-tls"));

  Path ca;
  Path clientCert;
  Path clientKey;
  int tlsPort;
  int mtlsPort;

  abstract void restart() throws Exception;

  /** Whether {@link #restart} is supported (the embedded HiveMQ does not restart in one JVM). */
  boolean canRestart() {
    return true;
  }

  abstract String name();

  MqttSettings settings(String clientId) {
    return MqttSettings.fromUrl("mqtts://127.0.0.1:" + tlsPort, clientId)
        .withCaFile(ca)
        .withClientCertificate(clientCert, clientKey)
        .withSessionExpiry(java.time.Duration.ofMinutes(10))
        .withReconnectDelays(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(2));
  }

  @Override
  public void close() {}

  static TlsBroker start(Path tmp) throws Exception {
    if (Files.isReadable(MOSQUITTO_DIR.resolve("client.key")) && answers(8883)) {
      return new Mosquitto();
    }
    return new Embedded(tmp);
  }

  static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static final class Mosquitto extends TlsBroker {
    Mosquitto() {
      ca = MOSQUITTO_DIR.resolve("ca.pem");
      clientCert = MOSQUITTO_DIR.resolve("client.pem");
      clientKey = MOSQUITTO_DIR.resolve("client.key");
      tlsPort = 8883;
      mtlsPort = 8884;
    }

    @Override
    String name() {
      return "Mosquitto+TLS on 127.0.0.1:8883";
    }

    @Override
    void restart() throws Exception {
      long pid = Long.parseLong(Files.readString(MOSQUITTO_DIR.resolve("mosquitto.pid")).trim());
      ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
      h.destroy(); // SIGTERM: Mosquitto saves its sessions and queues, then exits
      h.onExit().get(20, TimeUnit.SECONDS);
      Process p =
          new ProcessBuilder("bash", MOSQUITTO_DIR.resolve("start.sh").toString())
              .inheritIO()
              .start();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "Mosquitto did not restart; see " + MOSQUITTO_DIR.resolve("mosquitto.log"));
      }
    }
  }

  static final class Embedded extends TlsBroker {
    private final EmbeddedBroker broker;

    Embedded(Path tmp) throws Exception {
      TestPki pki = new TestPki(tmp.resolve("pki"), "loadlens embedded test CA");
      pki.issue("server", true);
      Path[] client = pki.issue("client", false);
      ca = pki.dir.resolve("ca.pem");
      clientCert = client[0];
      clientKey = client[1];
      tlsPort = freePort();
      mtlsPort = tlsPort; // the embedded listener always requires a client certificate
      broker =
          EmbeddedBroker.start(
              tmp.resolve("hivemq"),
              "127.0.0.1",
              0,
              Optional.of(
                  new EmbeddedBroker.Tls(
                      tlsPort,
                      pki.dir.resolve("server.p12"),
                      "changeit",
                      Optional.of(pki.dir.resolve("trust.p12")))));
    }

    @Override
    String name() {
      return "embedded HiveMQ+TLS on 127.0.0.1:" + tlsPort;
    }

    @Override
    boolean canRestart() {
      return false;
    }

    @Override
    void restart() {
      throw new UnsupportedOperationException(
          "embedded HiveMQ does not come back after stop() in the same JVM");
    }

    @Override
    public void close() {
      broker.close();
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      }
    }
  }
}

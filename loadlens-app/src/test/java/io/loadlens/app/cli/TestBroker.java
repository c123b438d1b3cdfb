package io.loadlens.app.cli;

import io.loadlens.transport.mqtt.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MQTT broker tests talk to: the Mosquitto service on 127.0.0.1:1883 when it answers, else an
 * embedded broker on a free port.
 */
final class TestBroker implements AutoCloseable {
  private final EmbeddedBroker embedded;
  private final int port;

  private TestBroker(EmbeddedBroker embedded, int port) {
    this.embedded = embedded;
    this.port = port;
  }

  static TestBroker start(Path workDir) throws IOException {
    if (answers(1883)) {
      return new TestBroker(null, 1883);
    }
    int port = freePort();
    return new TestBroker(EmbeddedBroker.start(workDir, "127.0.0.1", port, Optional.empty()), port);
  }

  String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

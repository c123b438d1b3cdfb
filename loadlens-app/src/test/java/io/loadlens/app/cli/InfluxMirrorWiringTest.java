package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an {@code influx} section in loadlens.yaml, what a command stores is also written to
 * InfluxDB's v1 {@code /write} endpoint (here a recording HTTP server on loopback; the writer
 * itself is tested against a real influxd in the store module).
 */
class InfluxMirrorWiringTest {
  @TempDir Path dir;

  @Test
  void readingsStoredByListenAreMirroredAsLineProtocol() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer influx = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    influx.createContext(
        "/",
        exchange -> {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          exchange.getRequestBody().transferTo(body);
          requests.add(
              exchange.getRequestURI()
                  + "\n"
                  + new String(body.toByteArray(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    influx.start();
    try {
      Path yaml = dir.resolve("loadlens.yaml");
      Files.writeString(
          yaml,
          "influx:\n  url: http://127.0.0.1:"
              + influx.getAddress().getPort()
              + "\n  db: meters\n  measurement: energy\n");
      CliRun r =
          CliRun.run(
              "listen",
              "p1",
              "--file",
              ListenCommandTest.twoMeterP1Capture(dir).toString(),
              "--all-values",
              "--config-file",
              yaml.toString(),
              "--data",
              dir.resolve("data").toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
    } finally {
      influx.stop(0);
    }
    assertThat(requests).isNotEmpty();
    assertThat(requests.get(0)).startsWith("/write?").contains("db=meters");
    assertThat(String.join("\n", requests)).contains("energy,").contains("meter=");
  }
}

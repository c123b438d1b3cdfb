package io.loadlens.store.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror against a real InfluxDB 1.x ({@code influxd} of Debian's {@code influxdb} package,
 * started on free loopback ports with a throw-away configuration); skipped when it is not
 * installed. Written points are queried back through {@code /query}.
 */
class InfluxdTest {
  static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  @TempDir static Path dir;
  static Process influxd;
  static URI url;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startInfluxd() throws Exception {
    Path bin = findInfluxd();
    Assumptions.assumeTrue(bin != null, "influxd not installed (Debian package influxdb)");
    int http = freePort();
    int rpc = freePort();
    Path conf = dir.resolve("influxdb.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "reporting-disabled = true",
            "bind-address = \"127.0.0.1:" + rpc + "\"",
            "[meta]",
            "  dir = \"" + dir.resolve("meta") + "\"",
            "[data]",
            "  dir = \"" + dir.resolve("data") + "\"",
            "  wal-dir = \"" + dir.resolve("wal") + "\"",
            "  query-log-enabled = false",
            "[http]",
            "  bind-address = \"127.0.0.1:" + http + "\"",
            "  log-enabled = false",
            "[monitor]",
            "  store-enabled = false",
            "[continuous_queries]",
            "  enabled = false",
            ""));
    influxd =
        new ProcessBuilder(bin.toString(), "-config", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("influxd.log").toFile())
            .start();
    url = URI.create("http://127.0.0.1:" + http);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(url.resolve("/ping")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 204) {
          break;
        }
      } catch (IOException notYet) {
        // starting
      }
      if (!influxd.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException(
            "influxd did not start: " + Files.readString(dir.resolve("influxd.log")));
      }
      Thread.sleep(100);
    }
    query(null, "CREATE DATABASE loadlens");
  }

  @AfterAll
  static void stopInfluxd() throws InterruptedException {
    if (influxd != null) {
      influxd.destroy();
      if (!influxd.waitFor(10, TimeUnit.SECONDS)) {
        influxd.destroyForcibly();
      }
    }
  }

  static Path findInfluxd() {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(d, "influxd");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String query(String db, String q) throws Exception {
    String uri =
        url
            + "/query?epoch=s"
            + (db == null ? "" : "&db=" + db)
            + "&q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  static List<ReadingBatch> day(String meter, double add) {
    long[] t = new long[96];
    double[] v = new double[96];
    int[] st = new int[96];
    for (int i = 0; i < 96; i++) {
      t[i] = T0 + i * 900L;
      v[i] = i * 0.25 + add;
    }
    st[4] = 8;
    MeterId id = MeterId.of(meter);
    return List.of(
        new ReadingBatch(
            UUID.randomUUID(),
            id,
            "dlms",
            Instant.now(),
            List.of(new IntervalSeries(id, ENERGY, Unit.WATT_HOUR, t, v, st))));
  }

  @Test
  void readingsWrittenInSecondsAreQueriedBackPointByPoint() throws Exception {
    InfluxConfig c = InfluxConfig.v1(url, "loadlens").withBatching(50, Duration.ofMillis(50));
    try (InfluxMirror m = InfluxMirror.start(c)) {
      m.offer(day("SIM-00001", 0));
      m.offer(day("SIM-00002", 100));
      m.offer(day("SIM-00001", 0)); // re-sent: the same points again
      assertThat(m.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(m.stats().written()).isEqualTo(288);
      assertThat(m.stats().dropped()).isZero();
    }
    assertThat(query("loadlens", "SELECT count(value) FROM raw_data GROUP BY meter"))
        .contains("{\"meter\":\"SIM-00001\"},\"columns\":[\"time\",\"count\"],\"values\":[[0,96]]")
        .contains("{\"meter\":\"SIM-00002\"},\"columns\":[\"time\",\"count\"],\"values\":[[0,96]]");
    assertThat(
            query(
                "loadlens",
                "SELECT value, status, unit, obis FROM raw_data WHERE meter = 'SIM-00002' AND time"
                    + " = "
                    + (T0 + 4 * 900)
                    + "s"))
        .contains("[[" + (T0 + 4 * 900) + ",101,8,\"Wh\",\"1-0:1.29.0.255\"]]");
  }

  @Test
  void readingsWrittenInNanosecondsUnderAMeasurementNeedingEscapes() throws Exception {
    InfluxConfig c =
        InfluxConfig.v1(url, "loadlens")
            .withPrecision(InfluxConfig.Precision.NANOSECONDS)
            .withMeasurement("energy import, Wh");
    try (InfluxMirror m = InfluxMirror.start(c)) {
      m.offer(day("SIM-00003", 7));
      assertThat(m.flush(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(
            query(
                "loadlens",
                "SELECT value FROM \"energy import, Wh\" WHERE meter = 'SIM-00003' ORDER BY time"
                    + " DESC LIMIT 1"))
        .contains("[[" + (T0 + 95 * 900) + ",30.75]]");
  }

  @Test
  void aMissingDatabaseIsAnsweredWithAnErrorAndTheReadingsAreDroppedNotRetried() throws Exception {
    InfluxConfig c = InfluxConfig.v1(url, "no_such_db");
    try (InfluxMirror m = InfluxMirror.start(c)) {
      m.offer(day("SIM-00004", 0));
      assertThat(m.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(m.stats()).isEqualTo(new InfluxMirror.Stats(96, 0, 96, 1, 0));
    }
  }
}

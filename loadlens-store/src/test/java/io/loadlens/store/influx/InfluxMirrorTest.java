package io.loadlens.store.influx;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mirror against a stand-in HTTP server that records requests and answers as told. */
class InfluxMirrorTest {
  static final ObisCode ENERGY = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  record Request(String method, URI uri, String auth, String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  volatile int failWith = 503;
  HttpServer server;

  URI start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new Request(
                  ex.getRequestMethod(),
                  ex.getRequestURI(),
                  ex.getRequestHeaders().getFirst("Authorization"),
                  body));
          int code = failuresLeft.getAndDecrement() > 0 ? failWith : 204;
          byte[] answer = code == 204 ? new byte[0] : "{\"error\":\"no\"}".getBytes();
          ex.sendResponseHeaders(code, code == 204 ? -1 : answer.length);
          if (code != 204) {
            ex.getResponseBody().write(answer);
          }
          ex.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static IntervalSeries series(String meter, int n) {
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * 900L;
      v[i] = i + 0.5;
    }
    return IntervalSeries.of(MeterId.of(meter), ENERGY, Unit.WATT_HOUR, t, v);
  }

  static List<ReadingBatch> batch(IntervalSeries s) {
    return List.of(
        new ReadingBatch(UUID.randomUUID(), s.meter(), "test", Instant.now(), List.of(s)));
  }

  static InfluxConfig fast(InfluxConfig c) {
    return c.withBatching(5_000, Duration.ofMillis(20))
        .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(40))
        .withTimeout(Duration.ofSeconds(2));
  }

  @Test
  void v2WritesToTheBucketWithTheTokenInSecondPrecision() throws Exception {
    URI url = start();
    try (InfluxMirror m =
        InfluxMirror.start(fast(InfluxConfig.v2(url, "utility one", "meters", "s3cret")))) {
      assertThat(m.offer(batch(series("SIM-00001", 2)))).isTrue();
      assertThat(m.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(m.stats()).isEqualTo(new InfluxMirror.Stats(2, 2, 0, 0, 0));
    }
    Request r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri().getPath()).isEqualTo("/api/v2/write");
    assertThat(r.uri().getRawQuery()).isEqualTo("org=utility%20one&bucket=meters&precision=s");
    assertThat(r.auth()).isEqualTo("Token s3cret");
    assertThat(r.body())
        .isEqualTo(
            "raw_data,meter=SIM-00001,obis=1-0:1.29.0.255,unit=Wh value=0.5,status=0i "
                + T0
                + "\n"
                + "raw_data,meter=SIM-00001,obis=1-0:1.29.0.255,unit=Wh value=1.5,status=0i "
                + (T0 + 900)
                + "\n");
  }

  @Test
  void v1WritesToTheDatabaseInNanoseconds() throws Exception {
    URI url = start();
    InfluxConfig c =
        fast(InfluxConfig.v1(url, "loadlens/autogen"))
            .withPrecision(InfluxConfig.Precision.NANOSECONDS)
            .withMeasurement("energy, import");
    try (InfluxMirror m = InfluxMirror.start(c)) {
      m.offer(batch(series("SIM-00001", 1)));
      assertThat(m.flush(Duration.ofSeconds(5))).isTrue();
    }
    Request r = requests.get(0);
    assertThat(r.uri().getPath()).isEqualTo("/write");
    assertThat(r.uri().getRawQuery()).isEqualTo("db=loadlens&rp=autogen&precision=n");
    assertThat(r.auth()).isNull();
    assertThat(r.body())
        .isEqualTo(
            "energy\\,\\ import,meter=SIM-00001,obis=1-0:1.29.0.255,unit=Wh value=0.5,status=0i "
                + T0
                + "000000000\n");
  }

  @Test
  void batchesHoldAtMostBatchLinesAndSplitLongSeries() throws Exception {
    URI url = start();
    try (InfluxMirror m = InfluxMirror.start(fast(InfluxConfig.v1(url, "db")))) {
      m.offer(batch(series("a", 7_000)));
      m.offer(batch(series("b", 5_000)));
      assertThat(m.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(m.stats().written()).isEqualTo(12_000);
    }
    assertThat(requests)
        .extracting(r -> r.body().split("\n").length)
        .containsExactly(5_000, 5_000, 2_000);
  }

  @Test
  void failedWritesAreRetriedWithBackoffUntilTheyGoThrough() throws Exception {
    URI url = start();
    failuresLeft.set(2);
    try (InfluxMirror m = InfluxMirror.start(fast(InfluxConfig.v1(url, "db")))) {
      m.offer(batch(series("a", 10)));
      assertThat(m.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(m.stats()).isEqualTo(new InfluxMirror.Stats(10, 10, 0, 2, 0));
    }
    assertThat(requests).hasSize(3);
    assertThat(requests.get(2).body()).isEqualTo(requests.get(0).body());
  }

  @Test
  void aRejectedWriteIsDroppedWithoutRetry() throws Exception {
    URI url = start();
    failuresLeft.set(1);
    failWith = 400;
    try (InfluxMirror m = InfluxMirror.start(fast(InfluxConfig.v1(url, "db")))) {
      m.offer(batch(series("a", 10)));
      assertThat(m.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(m.stats()).isEqualTo(new InfluxMirror.Stats(10, 0, 10, 1, 0));
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void aMeasurementTheLineProtocolCannotCarryIsRefusedWhenConfigured() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                InfluxConfig.v1(URI.create("http://localhost:8086"), "db").withMeasurement("a\nb"))
        .hasMessageContaining("measurement")
        .hasMessageContaining("line break");
  }

  @Test
  void whenInfluxIsDownOffersReturnAtOnceAndTheOverflowIsCounted() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    InfluxConfig c =
        fast(InfluxConfig.v1(URI.create("http://127.0.0.1:" + port), "db"))
            .withQueueRows(10_000)
            // one series per request: the worker holds at most one series outside the queue
            .withBatching(1_000, Duration.ofMillis(20))
            .withRetries(1_000, Duration.ofMillis(50), Duration.ofMillis(500));
    InfluxMirror m = InfluxMirror.start(c);
    long t0 = System.nanoTime();
    int accepted = 0;
    for (int i = 0; i < 100; i++) {
      accepted += m.offer(batch(series("m" + i, 1_000))) ? 1 : 0;
    }
    long offerMillis = (System.nanoTime() - t0) / 1_000_000;
    // 10 series fit the queue (one may already be in the worker's hands): the rest is dropped
    assertThat(accepted).isBetween(10, 11);
    assertThat(m.stats().dropped()).isEqualTo((100 - accepted) * 1_000L);
    assertThat(m.stats().offered()).isEqualTo(100_000);
    assertThat(offerMillis).as("offer never waits for InfluxDB").isLessThan(5_000);
    m.close(Duration.ofMillis(300));
    assertThat(m.stats().dropped()).isEqualTo(100_000);
    assertThat(m.stats().written()).isZero();
    assertThat(m.stats().failedRequests()).isPositive();
    assertThat(m.stats().queued()).isZero();
  }
}

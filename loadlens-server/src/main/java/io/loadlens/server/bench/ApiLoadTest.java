package io.loadlens.server.bench;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.server.ApiServer;
import io.loadlens.server.ServerConfig;
import io.loadlens.server.auth.Role;
import io.loadlens.server.tls.TlsMaterial;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bounded loopback load test of the API: {@code clients} concurrent clients send {@code requests}
 * readings queries in total (each a year of 15-minute data of one meter) over HTTPS and the latency
 * distribution is reported. Only ever targets the given (loopback) base URI.
 *
 * <p>Run: {@code java -cp <server classpath> io.loadlens.server.bench.ApiLoadTest [storeUrl]
 * [dataDir] [clients] [requests] [meters]}
 */
public final class ApiLoadTest {

  /** Latency figures of one run, in milliseconds. */
  public record Result(
      int requests,
      int errors,
      int clients,
      double p50,
      double p90,
      double p99,
      double max,
      double requestsPerSecond,
      long bytes,
      double cpuMsPerRequest) {
    @Override
    public String toString() {
      return String.format(
          "%d requests (%d errors), %d clients: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms,"
              + " %.1f req/s, %.1f MB received, %.2f ms CPU per request (server + client)",
          requests,
          errors,
          clients,
          p50,
          p90,
          p99,
          max,
          requestsPerSecond,
          bytes / 1e6,
          cpuMsPerRequest);
    }
  }

  private ApiLoadTest() {}

  /**
   * Sends {@code requests} GETs of {@code paths} (round robin) from {@code clients} threads.
   *
   * @throws IllegalArgumentException if the base URI is not a loopback address
   */
  public static Result run(
      URI base, SSLContext ssl, String token, List<String> paths, int clients, int requests)
      throws Exception {
    return run(base, ssl, token, paths, clients, requests, false);
  }

  /**
   * As {@link #run(URI, SSLContext, String, List, int, int)}; with {@code gzip} the clients send
   * {@code Accept-Encoding: gzip} and inflate every gzip-coded body (as a browser does), so the
   * decoding cost is part of the measured latency. {@code bytes} counts bytes on the wire.
   */
  public static Result run(
      URI base,
      SSLContext ssl,
      String token,
      List<String> paths,
      int clients,
      int requests,
      boolean gzip)
      throws Exception {
    String host = base.getHost();
    if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
      throw new IllegalArgumentException("load test target must be loopback, got " + host);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstError =
        new java.util.concurrent.atomic.AtomicReference<>();
    long cpu0 = processCpuNanos();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        fs.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest.Builder rb =
                        HttpRequest.newBuilder(base.resolve(paths.get(i % paths.size())))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60));
                    if (gzip) {
                      rb.header("Accept-Encoding", "gzip");
                    }
                    HttpRequest req = rb.build();
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                      bytes.addAndGet(r.body().length);
                      if (r.headers()
                          .firstValue("Content-Encoding")
                          .orElse("")
                          .equalsIgnoreCase("gzip")) {
                        inflate(r.body());
                      }
                      if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(
                            null,
                            "HTTP "
                                + r.statusCode()
                                + " "
                                + new String(
                                    r.body(),
                                    0,
                                    Math.min(300, r.body().length),
                                    java.nio.charset.StandardCharsets.UTF_8));
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e.toString());
                    }
                    latencies[i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (processCpuNanos() - cpu0) / 1e6 / requests;
    if (firstError.get() != null) {
      System.err.println("first error: " + firstError.get());
    }
    Arrays.sort(latencies);
    return new Result(
        requests,
        errors.get(),
        clients,
        pct(latencies, 0.50),
        pct(latencies, 0.90),
        pct(latencies, 0.99),
        latencies[requests - 1] / 1e6,
        requests / seconds,
        bytes.get(),
        cpuMs);
  }

  /** CPU time of this whole process (server and clients share it), or -1 when unknown. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static byte[] inflate(byte[] gz) throws java.io.IOException {
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz), 1 << 16)) {
      return in.readAllBytes();
    }
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** Writes {@code meters} synthetic meters with a year of 15-minute interval energy each. */
  public static List<MeterId> seed(Store store, int meters, Instant start) {
    List<MeterId> ids = new ArrayList<>();
    int n = 365 * 96;
    for (int m = 0; m < meters; m++) {
      MeterId id = MeterId.of(String.format("LOAD%04d", m));
      ids.add(id);
      store.upsertMeters(List.of(MeterInfo.of(id, ZoneId.of("Europe/Brussels"))));
      long[] t = new long[n];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = start.getEpochSecond() + i * 900L;
        double hour = (i % 96) / 4.0;
        v[i] = 60 + 250 * Math.exp(-Math.pow(hour - 19, 2) / 4) + (i * 7919L % 31);
      }
      IntervalSeries s =
          IntervalSeries.of(id, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v);
      store.ingest(
          List.of(new ReadingBatch(UUID.randomUUID(), id, "bench", Instant.now(), List.of(s))));
    }
    return ids;
  }

  public static SSLContext trusting(Path certPem) throws Exception {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    try (InputStream in = Files.newInputStream(certPem)) {
      ts.setCertificateEntry(
          "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /** The machine's load averages (Linux {@code /proc/loadavg}), for the record. */
  static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "";
    Path dataDir = Path.of(args.length > 1 ? args[1] : "target/apiload");
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int meters = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    Files.createDirectories(dataDir);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    try (Store store = Stores.open(url, dataDir)) {
      List<MeterId> ids =
          store.meters().size() >= meters
              ? store.meters().stream().map(MeterInfo::id).limit(meters).toList()
              : seed(store, meters, start);
      ServerConfig cfg = ServerConfig.defaults(dataDir).withPort(0).withBindAddress("127.0.0.1");
      try (ApiServer server = ApiServer.start(cfg, store)) {
        String token = server.tokens().create(Role.ANALYST, Set.of()).token();
        SSLContext ssl = trusting(dataDir.resolve(TlsMaterial.SELF_SIGNED_CERT));
        List<String> year = new ArrayList<>();
        List<String> hourly = new ArrayList<>();
        for (MeterId id : ids) {
          String q = "/api/v1/meters/" + id + "/readings?from=2024-01-01&to=2025-01-01";
          year.add(q);
          hourly.add(q + "&resolution=PT1H");
        }
        run(server.baseUri(), ssl, token, year, clients, Math.min(200, requests)); // warm-up
        System.out.println("uptime before: " + uptime());
        System.out.println(
            "meter-year raw 15-min:        "
                + run(server.baseUri(), ssl, token, year, clients, requests, false));
        System.out.println(
            "meter-year raw 15-min, gzip:  "
                + run(server.baseUri(), ssl, token, year, clients, requests, true));
        System.out.println(
            "meter-year hourly:            "
                + run(server.baseUri(), ssl, token, hourly, clients, requests, false));
        System.out.println(
            "meter-year hourly, gzip:      "
                + run(server.baseUri(), ssl, token, hourly, clients, requests, true));
        List<String> distinct = new ArrayList<>();
        Instant yearEnd = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < Math.min(requests, 500); i++) {
          distinct.add(
              "/api/v1/meters/"
                  + ids.get(i % ids.size())
                  + "/readings?from=2024-01-01&to="
                  + yearEnd.minusSeconds(i + 1));
        }
        System.out.println(
            "meter-year raw 15-min, every request a new range (cache misses): "
                + run(server.baseUri(), ssl, token, distinct, clients, distinct.size(), false));
        System.out.println("readings cache: " + server.readingsCacheStats());
        System.out.println("uptime after: " + uptime());
      }
    }
  }
}

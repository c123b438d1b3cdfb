package io.loadlens.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.server.tls.TlsMaterial;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bounded loopback load test of the readings API: {@code clients} concurrent closed-loop clients
 * send a fixed number of requests over HTTPS (HTTP/1.1, kept-alive connections) and the latency
 * distribution, the server's and the clients' CPU time per request and the TLS handshakes the
 * server made are reported. It only ever targets a loopback address, and stops by itself.
 *
 * <p>{@link #main} starts the server as a separate JVM ({@link ApiLoadServer}), so its CPU time is
 * measured apart from the load generator's; both still share the machine's cores. Latency is the
 * time from sending a request to holding its whole body; bodies are checked (gzip inflated, JSON
 * parsed, row count compared) once per distinct path, after the timed phase.
 *
 * <p>Run: {@code java -cp <server classpath> io.loadlens.server.bench.ApiLoadTest storeUrl dataDir
 * [clients] [requests] [meters]}; JVM options for the server JVM (for example a JFR recording) go
 * in the system property {@code loadlens.bench.serverJvmArgs}, separated by spaces.
 */
public final class ApiLoadTest {

  /** What one phase sends: each path is requested in turn; {@code revalidate} sends ETags. */
  public record Phase(String name, List<String> paths, boolean gzip, boolean revalidate) {
    public Phase {
      paths = List.copyOf(paths);
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("phase " + name + " has no paths");
      }
    }
  }

  /** The figures of one phase; times in milliseconds, CPU per request in milliseconds. */
  public record Result(
      String phase,
      int requests,
      int errors,
      int clients,
      double p50,
      double p95,
      double p99,
      double max,
      double requestsPerSecond,
      long bytes,
      double serverCpuMs,
      double clientCpuMs,
      long handshakes) {

    /** One Markdown table row, the columns of {@link #HEADER}. */
    public String row() {
      return String.format(
          "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f MB | %.2f | %.2f | %d |",
          phase,
          clients,
          requests,
          errors,
          p50,
          p95,
          p99,
          max,
          requestsPerSecond,
          bytes / 1e6 / Math.max(1, requests),
          serverCpuMs,
          clientCpuMs,
          handshakes);
    }

    public static final String HEADER =
        "| phase | clients | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |"
            + " body on the wire | server CPU ms/req | client CPU ms/req | TLS handshakes |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";
  }

  /** Where a run goes and how it is measured. */
  public record Target(
      URI base,
      SSLContext ssl,
      String token,
      LongSupplier serverCpuNanos,
      LongSupplier serverHandshakes) {
    public Target {
      String host = base.getHost();
      if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
        throw new IllegalArgumentException("load test target must be loopback, got " + host);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Target target;
  private final HttpClient http;

  /** One client (one connection pool) for every phase, so kept-alive connections are reused. */
  public ApiLoadTest(Target target) {
    this.target = target;
    this.http =
        HttpClient.newBuilder()
            .sslContext(target.ssl())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
  }

  /**
   * Runs a phase: {@code requests} GETs of the phase's paths (round robin) from {@code clients}
   * threads, each sending its next request when the previous answer is complete.
   */
  public Result run(Phase phase, int clients, int requests) throws Exception {
    Map<String, String> etags = phase.revalidate() ? etags(phase) : Map.of();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    Map<String, byte[]> samples = new ConcurrentHashMap<>();
    long handshakes0 = target.serverHandshakes().getAsLong();
    long server0 = target.serverCpuNanos().getAsLong();
    long client0 = processCpuNanos();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        fs.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    String path = phase.paths().get(i % phase.paths().size());
                    HttpRequest req = request(path, phase.gzip(), etags.get(path));
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                      latencies[i] = System.nanoTime() - t0;
                      bytes.addAndGet(r.body().length);
                      int expected = phase.revalidate() ? 304 : 200;
                      if (r.statusCode() != expected) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "HTTP " + r.statusCode() + " " + text(r));
                      } else if (!phase.revalidate()) {
                        samples.putIfAbsent(path + (gzipped(r) ? " gzip" : ""), r.body());
                      }
                    } catch (IOException | RuntimeException e) {
                      latencies[i] = System.nanoTime() - t0;
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e.toString());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double clientCpu = (processCpuNanos() - client0) / 1e6 / requests;
    double serverCpu = (target.serverCpuNanos().getAsLong() - server0) / 1e6 / requests;
    long handshakes = target.serverHandshakes().getAsLong() - handshakes0;
    if (firstError.get() != null) {
      System.err.println(phase.name() + ": first error: " + firstError.get());
    }
    samples.forEach(ApiLoadTest::check);
    Arrays.sort(latencies);
    return new Result(
        phase.name(),
        requests,
        errors.get(),
        clients,
        pct(latencies, 0.50),
        pct(latencies, 0.95),
        pct(latencies, 0.99),
        latencies[requests - 1] / 1e6,
        requests / seconds,
        bytes.get(),
        serverCpu,
        clientCpu,
        handshakes);
  }

  private HttpRequest request(String path, boolean gzip, String etag) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(target.base().resolve(path))
            .header("Authorization", "Bearer " + target.token())
            .timeout(Duration.ofSeconds(60));
    if (gzip) {
      rb.header("Accept-Encoding", "gzip");
    }
    if (etag != null) {
      rb.header("If-None-Match", etag);
    }
    return rb.build();
  }

  /** The ETag of every path of a revalidating phase, asked once before the timed requests. */
  private Map<String, String> etags(Phase phase) throws IOException, InterruptedException {
    Map<String, String> etags = new ConcurrentHashMap<>();
    for (String p : phase.paths()) {
      HttpResponse<byte[]> r =
          http.send(request(p, phase.gzip(), null), HttpResponse.BodyHandlers.ofByteArray());
      etags.put(
          p,
          r.headers()
              .firstValue("ETag")
              .orElseThrow(() -> new IllegalStateException("no ETag on " + p)));
    }
    return etags;
  }

  private static boolean gzipped(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8);
  }

  /** A readings body must be JSON whose {@code count} matches its {@code t} column, not empty. */
  static void check(String what, byte[] body) {
    try {
      byte[] json = what.endsWith(" gzip") ? inflate(body) : body;
      JsonNode n = JSON.readTree(json);
      int count = n.path("count").asInt(-1);
      if (count <= 0 || n.path("t").size() != count || n.path("v").size() != count) {
        throw new IllegalStateException(
            "answer to " + what + " has count " + count + " and " + n.path("t").size() + " times");
      }
    } catch (IOException e) {
      throw new IllegalStateException("answer to " + what + " is not readable JSON", e);
    }
  }

  /** CPU time of this process (the load generator), or -1 when unknown. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static byte[] inflate(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
      return in.readAllBytes();
    }
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** An SSL context that trusts exactly the given PEM certificate. */
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
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static final Pattern HANDSHAKES =
      Pattern.compile("(?m)^loadlens_tls_handshakes_total\\{[^}]*\\} ([0-9.E+]+)");

  /** TLS handshakes the server completed, read from its Prometheus metrics. */
  static long handshakes(HttpClient http, URI base, String operatorToken) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/metrics"))
                  .header("Authorization", "Bearer " + operatorToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long n = 0;
      Matcher m = HANDSHAKES.matcher(r.body());
      while (m.find()) {
        n += (long) Double.parseDouble(m.group(1));
      }
      return n;
    } catch (IOException e) {
      throw new IllegalStateException("metrics of " + base + " cannot be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ApiLoadTest storeUrl dataDir [clients] [requests] [meters]");
      System.exit(2);
    }
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int meters = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    Process server = startServer(args[0], Path.of(args[1]), meters);
    try {
      String[] ready = awaitReady(server);
      URI base = URI.create("https://127.0.0.1:" + ready[1]);
      SSLContext ssl = trusting(Path.of(args[1]).resolve(TlsMaterial.SELF_SIGNED_CERT));
      HttpClient metrics = HttpClient.newBuilder().sslContext(ssl).build();
      ProcessHandle ph = server.toHandle();
      Target target =
          new Target(
              base,
              ssl,
              ready[2],
              () -> ph.info().totalCpuDuration().orElseThrow().toNanos(),
              () -> handshakes(metrics, base, ready[3]));
      List<String> ids = Arrays.asList(ready).subList(4, ready.length);
      phases(new ApiLoadTest(target), ids, clients, requests);
    } finally {
      server.getOutputStream().close();
      server.waitFor();
    }
  }

  private static void phases(ApiLoadTest t, List<String> ids, int clients, int requests)
      throws Exception {
    List<String> year = new ArrayList<>();
    List<String> hourly = new ArrayList<>();
    List<String> distinct = new ArrayList<>();
    Instant yearEnd = ApiLoadServer.YEAR_START.plus(Duration.ofDays(366));
    for (String id : ids) {
      String q = "/api/v1/meters/" + id + "/readings?from=2024-01-01&to=2025-01-01";
      year.add(q);
      hourly.add(q + "&resolution=PT1H");
    }
    int misses = Math.min(requests, 500);
    for (int i = 0; i < 2 * misses; i++) {
      distinct.add(
          "/api/v1/meters/"
              + ids.get(i % ids.size())
              + "/readings?from=2024-01-01&to="
              + yearEnd.minusSeconds(i + 1));
    }
    t.run(new Phase("warm-up", year, false, false), clients, Math.min(200, requests));
    t.run(new Phase("warm-up", year, true, false), clients, Math.min(200, requests));
    t.run(new Phase("warm-up", hourly, true, false), clients, Math.min(200, requests));
    List<String> single = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      single.add(
          "/api/v1/meters/"
              + ids.get(i % ids.size())
              + "/readings?from=2024-01-01&to="
              + yearEnd.minusSeconds(10_000 + i));
    }
    String cachedGzip = "meter-year raw 15-min, cached, gzip";
    List<Phase> fifty =
        List.of(
            new Phase("meter-year raw 15-min, cached", year, false, false),
            new Phase(cachedGzip, year, true, false),
            new Phase(cachedGzip + ", If-None-Match (304)", year, true, true),
            new Phase("meter-year hourly sums, cached, gzip", hourly, true, false),
            new Phase("meter-year raw 15-min, uncached", distinct.subList(0, misses), false, false),
            new Phase(
                "meter-year raw 15-min, uncached, gzip",
                distinct.subList(misses, 2 * misses),
                true,
                false));
    List<Phase> one =
        List.of(
            new Phase(cachedGzip, year, true, false),
            new Phase("meter-year raw 15-min, uncached, gzip", single, true, false));
    String only = System.getProperty("loadlens.bench.only", "");
    System.out.println("load average before: " + loadAverage());
    System.out.println(Result.HEADER);
    for (Phase p : fifty) {
      if (p.name().contains(only)) {
        int n = p.name().contains("uncached") ? misses : requests;
        System.out.println(t.run(p, clients, n).row());
      }
    }
    for (Phase p : one) {
      if (p.name().contains(only)) {
        int n = p.name().contains("uncached") ? p.paths().size() : 200;
        System.out.println(t.run(p, 1, n).row());
      }
    }
    System.out.println("load average after: " + loadAverage());
  }

  /** Starts {@link ApiLoadServer} in a JVM of its own, with this JVM's class path. */
  private static Process startServer(String storeUrl, Path dataDir, int meters) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    String extra = System.getProperty("loadlens.bench.serverJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      cmd.addAll(Arrays.asList(extra.split("\\s+")));
    }
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      cmd.add("-Dlogback.configurationFile=" + logback);
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ApiLoadServer.class.getName(),
            storeUrl,
            dataDir.toString(),
            Integer.toString(meters)));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Reads the server's output until its READY line, echoing the lines before it. */
  private static String[] awaitReady(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        Thread.ofPlatform().daemon().start(() -> drain(out));
        return line.split(" ");
      }
      System.out.println("server: " + line);
    }
    throw new IllegalStateException("the server JVM ended before it was ready");
  }

  private static void drain(BufferedReader out) {
    try {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println("server: " + line);
      }
    } catch (IOException e) {
      // the server ended
    }
  }
}

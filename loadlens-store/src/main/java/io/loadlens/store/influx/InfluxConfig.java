package io.loadlens.store.influx;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where and how {@link InfluxMirror} writes.
 *
 * @param url the server, e.g. {@code http://influx.example:8086} (the write path is added)
 * @param api {@link Api#V1} ({@code /write?db=}) or {@link Api#V2} ({@code
 *     /api/v2/write?org=&bucket=}, token authentication)
 * @param database V1 database (may carry a retention policy as {@code db/rp}); null for V2
 * @param org V2 organisation; null for V1
 * @param bucket V2 bucket; null for V1
 * @param token V2 API token, or V1 {@code user:password}; null for none
 * @param precision timestamp precision of the written lines
 * @param measurement measurement name of the mirrored readings
 * @param batchLines lines per write request (InfluxDB recommends about 5,000)
 * @param flushInterval longest a line waits for its batch to fill
 * @param queueRows readings held while InfluxDB is slow or down; more are dropped (counted)
 * @param maxAttempts attempts per write request before its lines are dropped (counted)
 * @param firstBackoff wait before the second attempt; doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff longest wait between attempts
 * @param timeout connect and request timeout
 */
public record InfluxConfig(
    URI url,
    Api api,
    String database,
    String org,
    String bucket,
    String token,
    Precision precision,
    String measurement,
    int batchLines,
    Duration flushInterval,
    int queueRows,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration timeout) {

  /** The write endpoint. */
  public enum Api {
    V1,
    V2
  }

  /** Timestamp precision; readings are whole seconds, so SECONDS keeps the lines shortest. */
  public enum Precision {
    SECONDS("s", "s", 1L),
    NANOSECONDS("n", "ns", 1_000_000_000L);

    private final String v1;
    private final String v2;
    private final long perSecond;

    Precision(String v1, String v2, long perSecond) {
      this.v1 = v1;
      this.v2 = v2;
      this.perSecond = perSecond;
    }

    /** The {@code precision} query parameter of the API. */
    public String parameter(Api api) {
      return api == Api.V1 ? v1 : v2;
    }

    /** An epoch second in this precision. */
    public long fromEpochSecond(long s) {
      return Math.multiplyExact(s, perSecond);
    }
  }

  public static final int DEFAULT_PORT = 8086;

  public InfluxConfig {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      throw new IllegalArgumentException("influx url must be http(s)://host[:port], got " + url);
    }
    if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
      throw new IllegalArgumentException("influx url must be http or https, got " + url);
    }
    if (api == Api.V1 && (database == null || database.isBlank())) {
      throw new IllegalArgumentException("influx v1 needs a database, got " + database);
    }
    if (api == Api.V2) {
      if (org == null || org.isBlank()) {
        throw new IllegalArgumentException("influx v2 needs an org, got " + org);
      }
      if (bucket == null || bucket.isBlank()) {
        throw new IllegalArgumentException("influx v2 needs a bucket, got " + bucket);
      }
    }
    if (measurement == null || measurement.isBlank()) {
      throw new IllegalArgumentException("influx measurement must not be blank: " + measurement);
    }
    new LineProtocol().measurement(measurement); // throws, naming it, when it cannot be written
    positive("batchLines", batchLines);
    positive("queueRows", queueRows);
    positive("maxAttempts", maxAttempts);
  }

  private static void positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("influx " + name + " must be positive, got " + v);
    }
  }

  /** InfluxDB 1.x: {@code /write?db=database}, no authentication, second precision. */
  public static InfluxConfig v1(URI url, String database) {
    Draft d = new Draft(url, Api.V1);
    d.database = database;
    return d.build();
  }

  /** InfluxDB 2.x (or 1.8+ compatibility): {@code /api/v2/write?org=&bucket=} with a token. */
  public static InfluxConfig v2(URI url, String org, String bucket, String token) {
    Draft d = new Draft(url, Api.V2);
    d.org = org;
    d.bucket = bucket;
    d.token = token;
    return d.build();
  }

  public InfluxConfig withToken(String t) {
    return copy(d -> d.token = t);
  }

  public InfluxConfig withPrecision(Precision p) {
    return copy(d -> d.precision = p);
  }

  public InfluxConfig withMeasurement(String m) {
    return copy(d -> d.measurement = m);
  }

  /** Batching: lines per request and the longest wait for a batch to fill. */
  public InfluxConfig withBatching(int lines, Duration interval) {
    return copy(
        d -> {
          d.batchLines = lines;
          d.flushInterval = interval;
        });
  }

  public InfluxConfig withQueueRows(int rows) {
    return copy(d -> d.queueRows = rows);
  }

  /** Retries: attempts per request and the backoff between them (doubling up to {@code max}). */
  public InfluxConfig withRetries(int attempts, Duration first, Duration max) {
    return copy(
        d -> {
          d.maxAttempts = attempts;
          d.firstBackoff = first;
          d.maxBackoff = max;
        });
  }

  public InfluxConfig withTimeout(Duration t) {
    return copy(d -> d.timeout = t);
  }

  /** This configuration with the change applied, checked again by the canonical constructor. */
  private InfluxConfig copy(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The components of an {@link InfluxConfig}, to set some and build it (checked) again. */
  private static final class Draft {
    private final URI url;
    private final Api api;
    private String database;
    private String org;
    private String bucket;
    private String token;
    private Precision precision = Precision.SECONDS;
    private String measurement = "raw_data";
    private int batchLines = 5_000;
    private Duration flushInterval = Duration.ofSeconds(1);
    private int queueRows = 1_000_000;
    private int maxAttempts = 5;
    private Duration firstBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(10);

    /** The defaults: no database, org, bucket or token yet. */
    private Draft(URI url, Api api) {
      this.url = url;
      this.api = api;
    }

    private Draft(InfluxConfig c) {
      this(c.url, c.api);
      database = c.database;
      org = c.org;
      bucket = c.bucket;
      token = c.token;
      precision = c.precision;
      measurement = c.measurement;
      batchLines = c.batchLines;
      flushInterval = c.flushInterval;
      queueRows = c.queueRows;
      maxAttempts = c.maxAttempts;
      firstBackoff = c.firstBackoff;
      maxBackoff = c.maxBackoff;
      timeout = c.timeout;
    }

    private InfluxConfig build() {
      return new InfluxConfig(
          url,
          api,
          database,
          org,
          bucket,
          token,
          precision,
          measurement,
          batchLines,
          flushInterval,
          queueRows,
          maxAttempts,
          firstBackoff,
          maxBackoff,
          timeout);
    }
  }

  /** The write request URI, parameters encoded. */
  public URI writeUri() {
    String base = url.toString().replaceAll("/+$", "");
    String p = precision.parameter(api);
    if (api == Api.V1) {
      String db = database;
      String rp = null;
      int slash = database.indexOf('/');
      if (slash > 0) {
        db = database.substring(0, slash);
        rp = database.substring(slash + 1);
      }
      return URI.create(
          base + "/write?db=" + enc(db) + (rp == null ? "" : "&rp=" + enc(rp)) + "&precision=" + p);
    }
    return URI.create(
        base + "/api/v2/write?org=" + enc(org) + "&bucket=" + enc(bucket) + "&precision=" + p);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "InfluxConfig["
        + writeUri()
        + ", token "
        + (token == null ? "none" : "set")
        + ", measurement "
        + measurement
        + ", batch "
        + batchLines
        + " lines / "
        + flushInterval
        + ", queue "
        + queueRows
        + " rows, "
        + maxAttempts
        + " attempts]";
  }
}

package io.loadlens.store.influx;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ReadingBatch;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-only mirror of ingested readings into InfluxDB, for sites that already chart from it. The
 * store stays the record; the mirror never slows or fails the ingest that feeds it:
 *
 * <ul>
 *   <li>{@link #offer} only queues (bounded, in readings) and returns at once; readings that do not
 *       fit are dropped, counted ({@link Stats#dropped}) and logged (at most every 10 s);
 *   <li>one background thread turns the queue into line protocol, {@link InfluxConfig#batchLines}
 *       lines per request (or what has arrived after {@link InfluxConfig#flushInterval}), and posts
 *       it to {@code /write} (v1) or {@code /api/v2/write} (v2);
 *   <li>meter ids, OBIS codes and unit symbols always fit line protocol (their characters are
 *       restricted); readings without a finite value are dropped (counted);
 *   <li>a request that fails with an I/O error, 429 or 5xx is tried again after a backoff that
 *       doubles from {@link InfluxConfig#firstBackoff} to {@link InfluxConfig#maxBackoff}, up to
 *       {@link InfluxConfig#maxAttempts} attempts; then, or at once for another 4xx (bad line,
 *       authentication, missing database), its lines are dropped, counted and logged with
 *       InfluxDB's answer.
 * </ul>
 *
 * <p>One point per reading: {@code <measurement>,meter=<id>,obis=<code>,unit=<symbol>
 * value=<float>,status=<int>i <time>}. Writing a point again overwrites it in InfluxDB with the
 * same values, so re-sent batches are harmless; a re-sent row with a <em>different</em> value (a
 * conflict the store keeps out of raw_data) does overwrite the mirrored point.
 */
public final class InfluxMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxMirror.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * Counters since start, in readings (points).
   *
   * @param offered readings given to {@link #offer}
   * @param written readings InfluxDB accepted
   * @param dropped readings given up: queue full, request failed after its attempts, rejected by
   *     InfluxDB, or not expressible in line protocol
   * @param failedRequests write requests that did not succeed (each attempt counts)
   * @param queued readings waiting now
   */
  public record Stats(long offered, long written, long dropped, long failedRequests, long queued) {}

  private final InfluxConfig config;
  private final HttpClient http;
  private final LinkedBlockingQueue<IntervalSeries> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedRows = new AtomicLong();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private final Thread worker;
  private volatile boolean closing;
  private volatile long giveUpAt = Long.MAX_VALUE;

  /** Starts mirroring with the JDK's HTTP client. */
  public static InfluxMirror start(InfluxConfig config) {
    return new InfluxMirror(
        config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
  }

  InfluxMirror(InfluxConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
    this.worker = Thread.ofPlatform().name("influx-mirror").daemon().unstarted(this::run);
    worker.start();
    LOG.info("influx mirror: writing to {}", config);
  }

  public InfluxConfig config() {
    return config;
  }

  /**
   * Queues the readings of the batches for InfluxDB; never blocks. Call after the store has
   * committed them.
   *
   * @return false when some were dropped because the queue was full (or the mirror closed)
   */
  public boolean offer(Collection<ReadingBatch> batches) {
    boolean all = true;
    for (ReadingBatch b : batches) {
      for (IntervalSeries s : b.series()) {
        all &= offer(s);
      }
    }
    return all;
  }

  /** Queues one series' readings; see {@link #offer(Collection)}. */
  public boolean offer(IntervalSeries s) {
    int n = s.size();
    if (n == 0) {
      return true;
    }
    offered.addAndGet(n);
    if (closing) {
      drop(n, "the mirror is closed");
      return false;
    }
    long now = queuedRows.addAndGet(n);
    if (now > config.queueRows()) {
      queuedRows.addAndGet(-n);
      drop(n, "queue full (" + config.queueRows() + " readings): InfluxDB slow or down");
      return false;
    }
    queue.add(s);
    return true;
  }

  public Stats stats() {
    return new Stats(
        offered.get(), written.get(), dropped.get(), failedRequests.get(), queuedRows.get());
  }

  /**
   * Waits until every queued reading has been written or dropped.
   *
   * @return false when the wait ran out first
   */
  public boolean flush(Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    while (queuedRows.get() > 0 || inFlight.get() > 0) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /**
   * Stops taking readings, writes what is queued for up to {@code wait} (retries included), then
   * drops (counts and logs) what is left and stops the thread.
   */
  public void close(Duration wait) {
    closing = true;
    giveUpAt = System.nanoTime() + wait.toNanos();
    worker.interrupt(); // wakes a backoff sleep or an idle poll; the loop drains what is queued
    try {
      worker.join(Math.max(1, wait.toMillis() + config.timeout().toMillis() + 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Stats s = stats();
    LOG.info(
        "influx mirror closed: {} readings offered, {} written, {} dropped, {} failed requests",
        s.offered(),
        s.written(),
        s.dropped(),
        s.failedRequests());
  }

  /** {@link #close(Duration)} with up to 10 s to drain. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  // ---- worker -------------------------------------------------------------------------------

  private IntervalSeries current;
  private int offset;

  private void run() {
    while (true) {
      if (closing && System.nanoTime() > giveUpAt) {
        dropRest();
        return;
      }
      LineProtocol lines = new LineProtocol();
      int taken = fill(lines);
      if (lines.lines() > 0) {
        post(lines.toString(), lines.lines());
      }
      inFlight.addAndGet(-taken);
      if (closing && current == null && queue.isEmpty()) {
        return;
      }
    }
  }

  /**
   * Fills a batch: up to batchLines lines, or what arrived within flushInterval.
   *
   * @return readings taken off the queue (written to lines or dropped)
   */
  private int fill(LineProtocol lines) {
    long deadline = System.nanoTime() + config.flushInterval().toNanos();
    int taken = 0;
    while (lines.lines() < config.batchLines()) {
      if (current == null) {
        long left = deadline - System.nanoTime();
        try {
          current =
              closing ? queue.poll() : left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        } catch (InterruptedException e) {
          current = null; // close() woke the idle poll
        }
        offset = 0;
        if (current == null) {
          break;
        }
      }
      int end = Math.min(current.size(), offset + config.batchLines() - lines.lines());
      int n = end - offset;
      inFlight.addAndGet(n);
      queuedRows.addAndGet(-n);
      taken += n;
      int skipped = append(lines, current, offset, end);
      if (skipped > 0) {
        drop(skipped, "readings without a finite value cannot be written");
      }
      offset = end;
      if (offset == current.size()) {
        current = null;
      }
    }
    return taken;
  }

  private static String unitTag(IntervalSeries s) {
    return s.unit().symbol().isEmpty() ? "none" : s.unit().symbol();
  }

  /** Appends rows {@code [from, to)}; returns how many were skipped (no finite value). */
  private int append(LineProtocol lines, IntervalSeries s, int from, int to) {
    String meter = s.meter().value();
    String obis = s.obis().toString();
    String unit = unitTag(s);
    long[] t = s.epochSeconds();
    double[] v = s.values();
    int[] st = s.status();
    int skipped = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isFinite(v[i])) {
        skipped++;
        continue;
      }
      lines
          .measurement(config.measurement())
          .tag("meter", meter)
          .tag("obis", obis)
          .tag("unit", unit)
          .field("value", v[i])
          .field("status", st[i])
          .time(config.precision().fromEpochSecond(t[i]));
    }
    return skipped;
  }

  private void post(String body, int points) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(config.writeUri())
            .timeout(config.timeout())
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (config.token() != null) {
      rb.header(
          "Authorization",
          config.api() == InfluxConfig.Api.V2
              ? "Token " + config.token()
              : "Basic "
                  + Base64.getEncoder()
                      .encodeToString(config.token().getBytes(StandardCharsets.UTF_8)));
    }
    HttpRequest request = rb.build();
    long backoff = config.firstBackoff().toNanos();
    String last = "";
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int code = r.statusCode();
        if (code / 100 == 2) {
          written.addAndGet(points);
          return;
        }
        failedRequests.incrementAndGet();
        last = "HTTP " + code + ": " + r.body().strip();
        if (code != 429 && code / 100 == 4) {
          drop(points, "InfluxDB rejected the write, " + last);
          return;
        }
      } catch (IOException e) {
        failedRequests.incrementAndGet();
        last = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (InterruptedException e) {
        // close() wakes us; keep trying until its deadline
      }
      if (attempt == config.maxAttempts()) {
        break;
      }
      long sleep = Math.min(backoff, Math.max(0, giveUpAt - System.nanoTime()));
      if (closing && System.nanoTime() >= giveUpAt) {
        break;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(sleep);
      } catch (InterruptedException e) {
        // close() cut the backoff short: one more attempt, then its deadline applies
      }
      backoff = Math.min(backoff * 2, config.maxBackoff().toNanos());
    }
    drop(
        points,
        "write to "
            + config.writeUri()
            + " failed after "
            + config.maxAttempts()
            + " attempts, "
            + last);
  }

  private void dropRest() {
    long n = 0;
    if (current != null) {
      n += current.size() - offset;
      current = null;
    }
    ArrayDeque<IntervalSeries> rest = new ArrayDeque<>();
    queue.drainTo(rest);
    for (IntervalSeries s : rest) {
      n += s.size();
    }
    if (n > 0) {
      queuedRows.addAndGet(-n);
      drop(n, "closed before InfluxDB took them");
    }
  }

  private void drop(long n, String why) {
    long total = dropped.addAndGet(n);
    long now = System.nanoTime();
    long last = lastDropLog.get();
    if (now - last >= LOG_EVERY_NANOS && lastDropLog.compareAndSet(last, now)) {
      LOG.warn("influx mirror: dropped {} readings ({} so far): {}", n, total, why);
    }
  }
}

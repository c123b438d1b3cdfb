package io.loadlens.store.bench;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.store.DuckDbStore;
import io.loadlens.store.IngestResult;
import io.loadlens.store.PostgresStore;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import io.loadlens.store.internal.IngestPlan;
import io.loadlens.store.internal.RawDataCopy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Store ingest benchmark: idempotent ingest of {@code meters × rowsPerMeter} interval rows in calls
 * of {@code metersPerCall} batches, the same rows again (must add none), and reads of one
 * meter-year of 15-minute data (35,040 rows). On PostgreSQL it also times a plain {@code COPY} of
 * the same rows into an unindexed table, as the floor to compare against.
 *
 * <p>Run: {@code java -cp <classpath> io.loadlens.store.bench.IngestBenchmark [url] [meters]
 * [rowsPerMeter] [metersPerCall]} with url {@code duckdb} (a fresh temporary file), {@code
 * duckdb-pk} (the same with a primary key on raw_data) or {@code postgresql://...} (the database is
 * created, and dropped when {@code dropAfter}).
 */
public final class IngestBenchmark {
  static final ObisCode CHANNEL = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;
  static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  static final int YEAR_ROWS = 35_040;

  /**
   * @param url {@code duckdb} for a fresh temporary file, or a store URL
   * @param meters number of meters
   * @param rowsPerMeter 15-minute rows per meter
   * @param metersPerCall batches per ingest call
   * @param reads meter-year reads to time
   */
  public record Config(String url, int meters, int rowsPerMeter, int metersPerCall, int reads) {
    public static Config standard(String url) {
      return new Config(url, 10_000, 1_000, 100, 50);
    }

    public long rows() {
      return (long) meters * rowsPerMeter;
    }
  }

  /**
   * @param plainCopyRowsPerSecond the floor (PostgreSQL only; NaN for DuckDB)
   * @param reingestAdded rows added by re-ingesting everything (0 when idempotent)
   */
  public record Result(
      String backend,
      long rows,
      double ingestSeconds,
      double ingestCpuSeconds,
      double ingestRowsPerSecond,
      double reingestSeconds,
      double reingestCpuSeconds,
      long reingestAdded,
      long reingestDuplicates,
      double plainCopyRowsPerSecond,
      double meterYearReadMillisMedian,
      double meterYearReadMillisP90,
      double meterYearReadCpuMillis,
      double checkpointedReadMillisMedian,
      double checkpointedReadMillisP90) {

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s: ingest %,d rows in %.2f s (process CPU %.2f s) = %,.0f rows/s; re-ingest %.2f s"
              + " (CPU %.2f s), %d rows added, %,d duplicates; plain COPY %s; meter-year read (%d"
              + " rows) median %.2f ms, p90 %.2f ms, process CPU %.2f ms per read%s",
          backend,
          rows,
          ingestSeconds,
          ingestCpuSeconds,
          ingestRowsPerSecond,
          reingestSeconds,
          reingestCpuSeconds,
          reingestAdded,
          reingestDuplicates,
          Double.isNaN(plainCopyRowsPerSecond)
              ? "n/a"
              : String.format(Locale.ROOT, "%,.0f rows/s", plainCopyRowsPerSecond),
          YEAR_ROWS,
          meterYearReadMillisMedian,
          meterYearReadMillisP90,
          meterYearReadCpuMillis,
          Double.isNaN(checkpointedReadMillisMedian)
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; after a DuckDB CHECKPOINT median %.2f ms, p90 %.2f ms",
                  checkpointedReadMillisMedian,
                  checkpointedReadMillisP90));
    }
  }

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "duckdb";
    Config std = Config.standard(url);
    Config c =
        new Config(
            url,
            args.length > 1 ? Integer.parseInt(args[1]) : std.meters(),
            args.length > 2 ? Integer.parseInt(args[2]) : std.rowsPerMeter(),
            args.length > 3 ? Integer.parseInt(args[3]) : std.metersPerCall(),
            std.reads());
    System.out.println(run(c).describe());
  }

  /**
   * Runs the benchmark on a fresh store (a temporary DuckDB file, or a new PostgreSQL database).
   */
  public static Result run(Config c) throws IOException, SQLException {
    Path tmp = Files.createTempDirectory("loadlens-bench");
    String url = c.url();
    String db = null;
    boolean pg = url.startsWith("postgres") || url.startsWith("jdbc:postgres");
    if (pg) {
      db = "loadlens_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      url = url.replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/" + db + "$1");
    } else {
      url = "duckdb:" + tmp.resolve("bench.duckdb");
      if (c.url().equals("duckdb-pk")) {
        addDuckDbPrimaryKey(tmp.resolve("bench.duckdb"), tmp);
      }
    }
    List<List<ReadingBatch>> calls = generate(c);
    try (Store store = Stores.open(url, tmp)) {
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      for (List<ReadingBatch> call : calls) {
        store.ingest(call);
      }
      double ingest = (System.nanoTime() - t0) / 1e9;
      long cpu1 = processCpuNanos();
      IngestResult again = IngestResult.NONE;
      long t1 = System.nanoTime();
      for (List<ReadingBatch> call : calls) {
        again = again.plus(store.ingest(call));
      }
      double reingest = (System.nanoTime() - t1) / 1e9;
      long cpu2 = processCpuNanos();
      double[] reads = meterYearReads(store, c.reads());
      double readCpu = reads[reads.length - 1];
      reads = Arrays.copyOf(reads, reads.length - 1);
      double[] checkpointed = {Double.NaN, Double.NaN};
      if (store instanceof DuckDbStore d) {
        d.checkpoint();
        double[] after = timeReads(store, c.reads());
        checkpointed = Arrays.copyOf(after, after.length - 1);
      }
      double copy = Double.NaN;
      if (store instanceof PostgresStore p) {
        copy = plainCopy(p.config(), calls);
      }
      return new Result(
          pg ? "postgresql" : c.url().equals("duckdb-pk") ? "duckdb with primary key" : "duckdb",
          c.rows(),
          ingest,
          (cpu1 - cpu0) / 1e9,
          c.rows() / ingest,
          reingest,
          (cpu2 - cpu1) / 1e9,
          again.inserted(),
          again.duplicates(),
          copy,
          reads[reads.length / 2],
          reads[(int) (reads.length * 0.9)],
          readCpu,
          checkpointed[checkpointed.length / 2],
          checkpointed[(int) (checkpointed.length * 0.9)]);
    } finally {
      if (db != null) {
        dropDatabase(url, db);
      }
      deleteTree(tmp);
    }
  }

  /**
   * CPU time of this process, all threads (the database's native threads included), so that runs on
   * a shared machine can be compared by what they cost rather than by wall time alone.
   */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * For {@code duckdb-pk}: creates the store's schema, then puts the primary key the requirement
   * names on {@code raw_data} (an ART index), so the same ingest path also maintains the index: the
   * comparison behind keeping DuckDB's raw_data unindexed.
   */
  static void addDuckDbPrimaryKey(Path file, Path dataDir) throws SQLException {
    Stores.open("duckdb:" + file, dataDir).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE raw_data ADD PRIMARY KEY (meter_id, obis, \"timestamp\")");
    }
  }

  static List<List<ReadingBatch>> generate(Config c) {
    List<List<ReadingBatch>> calls = new ArrayList<>();
    List<ReadingBatch> call = new ArrayList<>();
    Instant readAt = Instant.ofEpochSecond(START);
    for (int m = 0; m < c.meters(); m++) {
      MeterId id = MeterId.of(String.format(Locale.ROOT, "bench-%06d", m));
      long[] t = new long[c.rowsPerMeter()];
      double[] v = new double[c.rowsPerMeter()];
      for (int i = 0; i < t.length; i++) {
        t[i] = START + i * 900L;
        v[i] = (i * 7919L + m * 104_729L) % 2000 / 4.0;
      }
      IntervalSeries s = IntervalSeries.of(id, CHANNEL, Unit.WATT_HOUR, t, v);
      call.add(new ReadingBatch(UUID.randomUUID(), id, "bench", readAt, List.of(s)));
      if (call.size() == c.metersPerCall()) {
        calls.add(call);
        call = new ArrayList<>();
      }
    }
    if (!call.isEmpty()) {
      calls.add(call);
    }
    return calls;
  }

  /**
   * Stores one meter-year and times reading it back: milliseconds per read, sorted, then as the
   * last element the process CPU milliseconds per read.
   */
  static double[] meterYearReads(Store store, int reads) {
    MeterId id = MeterId.of("bench-year");
    long[] t = new long[YEAR_ROWS];
    double[] v = new double[YEAR_ROWS];
    for (int i = 0; i < YEAR_ROWS; i++) {
      t[i] = START + i * 900L;
      v[i] = i % 97;
    }
    store.ingest(
        List.of(
            new ReadingBatch(
                UUID.randomUUID(),
                id,
                "bench",
                Instant.ofEpochSecond(START),
                List.of(IntervalSeries.of(id, CHANNEL, Unit.WATT_HOUR, t, v)))));
    return timeReads(store, reads);
  }

  /** Times reads of the meter-year stored by {@link #meterYearReads}, as described there. */
  static double[] timeReads(Store store, int reads) {
    MeterId id = MeterId.of("bench-year");
    Instant from = Instant.ofEpochSecond(START);
    Instant to = from.plusSeconds(YEAR_ROWS * 900L);
    for (int i = 0; i < 5; i++) {
      store.readRaw(id, CHANNEL, from, to);
    }
    double[] ms = new double[reads + 1];
    long cpu = processCpuNanos();
    for (int i = 0; i < reads; i++) {
      long s = System.nanoTime();
      IntervalSeries got = store.readRaw(id, CHANNEL, from, to);
      ms[i] = (System.nanoTime() - s) / 1e6;
      if (got.size() != YEAR_ROWS) {
        throw new IllegalStateException("meter-year read returned " + got.size() + " rows");
      }
    }
    ms[reads] = (processCpuNanos() - cpu) / 1e6 / reads;
    Arrays.sort(ms, 0, reads);
    return ms;
  }

  /**
   * The floor: the same rows, encoded by the same code as the store's direct copy ({@link
   * RawDataCopy}), copied into an unindexed, unpartitioned table with {@code raw_data}'s columns,
   * one transaction per call: rows/s.
   */
  static double plainCopy(PostgresStore.Config cfg, List<List<ReadingBatch>> calls)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", cfg.user());
    if (cfg.password() != null) {
      p.setProperty("password", cfg.password());
    }
    long rows = 0;
    try (Connection c = DriverManager.getConnection(cfg.jdbcUrl(cfg.database()), p)) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE bench_plain (LIKE raw_data)");
        st.execute("CHECKPOINT");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (List<ReadingBatch> call : calls) {
        Instant now = Instant.now();
        rows += RawDataCopy.copy(c, "bench_plain", IngestPlan.of(call, now), now);
        c.commit();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE bench_plain");
      }
      return rows / s;
    }
  }

  private static void dropDatabase(String url, String db) {
    PostgresStore.Config cfg = PostgresStore.parse(url);
    Properties p = new Properties();
    p.setProperty("user", cfg.user());
    if (cfg.password() != null) {
      p.setProperty("password", cfg.password());
    }
    try (Connection c = DriverManager.getConnection(cfg.jdbcUrl("postgres"), p);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop benchmark database " + db + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}

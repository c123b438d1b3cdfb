package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.internal.IngestPlan;
import io.loadlens.store.internal.Migrations;
import io.loadlens.store.internal.RawReader;
import io.loadlens.store.internal.Sql;
import io.loadlens.store.internal.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one DuckDB file, no setup.
 *
 * <p>Threading: DuckDB allows one writing process per file. Within this process all work shares one
 * database instance: writes go through one connection, serialized by a lock (DuckDB would otherwise
 * abort concurrent conflicting transactions); reads use a small pool of duplicated connections and
 * run in parallel with each other and with a write (MVCC snapshots).
 *
 * <p>Ingest: each series goes through the DuckDB appender as one row of a temporary staging table
 * (its readings as list columns); the staged rows that may already be stored are matched against
 * {@code raw_data}, conflicts recorded, and the rest inserted with one {@code INSERT ... SELECT},
 * all in one transaction.
 */
public final class DuckDbStore extends SqlStore {
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbStore.class);
  private static final String SERIES = "ingest_series";

  /** The staged series unnested to one row per reading. */
  private static final String ROWS =
      "(SELECT sid, meter_id, obis, unit, source, known, unnest(ts) AS ts_s, unnest(v) AS value,"
          + " unnest(st) AS status FROM "
          + SERIES
          + ")";

  private static final String HITS = "ingest_hits";
  private static final int READERS = 4;

  private final Path file;
  private final DuckDBConnection root;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> all = new ArrayList<>();
  private boolean stageCreated;

  /**
   * The two statements of {@link #readRaw} prepared once per reader connection ({@link
   * RawReader#SERIES_SQL}, {@link RawReader#UNIT_SQL}): preparing them again for every read cost
   * about as much as the scan. A reader connection serves one thread at a time.
   */
  private final Map<Connection, PreparedStatement[]> rawStatements = new ConcurrentHashMap<>();

  /**
   * The latest stored capture time (epoch s) per meter and channel, known exactly because this
   * process is the file's only writer. A call whose every series starts after it cannot hold a
   * stored row, so the match against {@code raw_data} is skipped. Updated after each commit.
   */
  private final Map<String, Long> latest = new HashMap<>();

  private Runnable afterCommit;

  private DuckDbStore(Path file, DuckDBConnection root, InstantSource clock) throws SQLException {
    super(clock);
    this.file = file;
    this.root = root;
    this.writer = root.duplicate();
    try (Statement st = writer.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT meter_id, obis, "
                    + Sql.epoch("max(\"timestamp\")")
                    + " FROM raw_data GROUP BY meter_id, obis")) {
      while (rs.next()) {
        latest.put(rs.getString(1) + '|' + rs.getString(2), rs.getLong(3));
      }
    }
    all.add(writer);
    for (int i = 0; i < READERS; i++) {
      Connection r = root.duplicate();
      all.add(r);
      readers.add(r);
    }
  }

  /**
   * Opens (creating when missing) the database file and brings its schema up to date.
   *
   * @throws StoreConfigurationException when the file cannot be opened, naming it
   */
  public static DuckDbStore open(Path file, InstantSource clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreConfigurationException("cannot create the folder of " + file, e);
    }
    DuckDBConnection root;
    try {
      root =
          (DuckDBConnection)
              DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), new Properties());
    } catch (SQLException e) {
      throw new StoreConfigurationException(
          "cannot open DuckDB file " + file + ": " + e.getMessage(), e);
    }
    try {
      try (Statement st = root.createStatement()) {
        // fold the write-ahead log into the file every 256 MB rather than every 16 MB (the
        // default): fewer rewrites of the last, partly filled row group during bulk ingest
        st.execute("SET checkpoint_threshold = '256MB'");
      }
      new Migrations("duckdb", null).migrate(root);
      return new DuckDbStore(file, root, clock);
    } catch (SQLException | RuntimeException e) {
      try {
        root.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreConfigurationException("cannot prepare DuckDB file " + file, e);
    }
  }

  @Override
  public IntervalSeries readRaw(MeterId meter, ObisCode obis, Instant from, Instant to) {
    return read(
        "readRaw " + meter + " " + obis,
        c -> {
          PreparedStatement[] ps = rawStatements.get(c);
          if (ps == null) {
            ps =
                new PreparedStatement[] {
                  c.prepareStatement(RawReader.SERIES_SQL), c.prepareStatement(RawReader.UNIT_SQL)
                };
            rawStatements.put(c, ps);
          }
          return RawReader.read(ps[0], ps[1], meter, obis, from, to);
        });
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  private static final String VALIDATED_STAGE = "validated_stage";
  private boolean validatedStageCreated;

  @Override
  protected <T> T read(String what, Sql.Work<T> work) {
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(what + ": interrupted while waiting for a connection", e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(what, e);
    } finally {
      readers.add(c);
    }
  }

  @Override
  protected <T> T write(String what, Sql.Work<T> work) {
    writeLock.lock();
    try {
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        long t = System.nanoTime();
        writer.commit();
        if (afterCommit != null) {
          afterCommit.run();
        }
        LOG.debug("{}: commit {} ms", what, (System.nanoTime() - t) / 1_000_000);
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          writer.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        afterCommit = null;
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(what, e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  protected String stageTable() {
    return ROWS;
  }

  /**
   * Replaces a validated span through the appender: the rows go into a temporary staging table,
   * then one transaction deletes the span and inserts them, converting the staged NaN values and
   * empty methods to SQL NULL. Row-at-a-time inserts cost about a millisecond per row in DuckDB;
   * this path costs microseconds.
   */
  @Override
  public void replaceValidated(ValidatedSeries series) {
    replaceValidated(List.of(series));
  }

  @Override
  public void replaceValidated(java.util.Collection<ValidatedSeries> series) {
    List<ValidatedSeries> nonEmpty = series.stream().filter(s -> s.size() > 0).toList();
    if (nonEmpty.isEmpty()) {
      return;
    }
    write(
        "replaceValidated (" + nonEmpty.size() + " series)",
        c -> {
          for (ValidatedSeries s : nonEmpty) {
            replaceValidatedBulk(c, s);
          }
          return null;
        });
  }

  private void replaceValidatedBulk(Connection c, ValidatedSeries s) throws SQLException {
    if (!validatedStageCreated) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + VALIDATED_STAGE
                + " (ts_s BIGINT, has_value BOOLEAN, value DOUBLE, quality VARCHAR, method VARCHAR,"
                + " reasons BIGINT)");
      }
      validatedStageCreated = true;
    }
    DuckDBConnection d = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, VALIDATED_STAGE)) {
      long[] t = s.epochSeconds();
      double[] v = s.values();
      for (int i = 0; i < t.length; i++) {
        boolean has = !Double.isNaN(v[i]);
        a.beginRow();
        a.append(t[i]);
        a.append(has);
        a.append(has ? v[i] : 0.0);
        a.append(s.quality()[i].name());
        a.append(s.method()[i] == null ? "" : s.method()[i].name());
        a.append(s.reasons()[i]);
        a.endRow();
      }
    }
    long first = s.epochSeconds()[0];
    long end = s.epochSeconds()[s.size() - 1] + s.intervalSeconds();
    try (PreparedStatement del =
            c.prepareStatement(
                "DELETE FROM validated_data WHERE meter_id = ? AND obis = ? AND \"timestamp\" >= "
                    + Sql.TS_PARAM
                    + " AND \"timestamp\" < "
                    + Sql.TS_PARAM);
        PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO validated_data (meter_id, obis, \"timestamp\", value, unit, interval_s,"
                    + " quality, method, reasons, vee_version) SELECT ?, ?, to_timestamp(ts_s),"
                    + " CASE WHEN has_value THEN value END, ?, ?, quality, NULLIF(method, ''),"
                    + " reasons, ? FROM "
                    + VALIDATED_STAGE);
        Statement clear = c.createStatement()) {
      del.setString(1, s.meter().value());
      del.setString(2, s.obis().toString());
      del.setLong(3, first);
      del.setLong(4, end);
      del.executeUpdate();
      ins.setString(1, s.meter().value());
      ins.setString(2, s.obis().toString());
      ins.setString(3, s.unit().symbol());
      ins.setInt(4, s.intervalSeconds());
      ins.setString(5, s.veeVersion());
      ins.executeUpdate();
      clear.execute("DELETE FROM " + VALIDATED_STAGE);
    }
  }

  /**
   * Stages the plan as one row per series: its meter, channel, unit and source, the latest time
   * already stored for it ({@code known}, from {@link #latest}), and its times, values and status
   * bytes as three list columns. The appender takes each list as one Java array, so staging costs a
   * few calls per series instead of six per row; the rows are unnested in SQL ({@link #ROWS}).
   */
  @Override
  protected void stage(Connection c, IngestPlan plan) throws SQLException {
    if (!stageCreated) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + SERIES
                + " (sid INTEGER, meter_id VARCHAR, obis VARCHAR, unit VARCHAR, source VARCHAR,"
                + " known BIGINT, ts BIGINT[], v DOUBLE[], st INTEGER[])");
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + HITS
                + " (sid INTEGER, ts_s BIGINT, offered DOUBLE, stored DOUBLE)");
      }
      stageCreated = true;
    }
    DuckDBConnection d = c.unwrap(DuckDBConnection.class);
    List<IngestPlan.Part> parts = plan.parts();
    try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SERIES)) {
      for (int sid = 0; sid < parts.size(); sid++) {
        IntervalSeries s = parts.get(sid).series();
        a.beginRow();
        a.append(sid);
        a.append(s.meter().value());
        a.append(s.obis().toString());
        a.append(s.unit().symbol());
        a.append(parts.get(sid).source());
        a.append(latest.getOrDefault(key(s), Long.MIN_VALUE));
        a.append(s.epochSeconds());
        a.append(s.values());
        a.append(s.status());
        a.endRow();
      }
    }
  }

  /**
   * Finds the staged rows already stored, records conflicts among them, and appends the rest. Only
   * staged rows at or before the latest stored time of their channel can be stored already, so only
   * those are matched against {@code raw_data} (a join that DuckDB prunes to the row groups the
   * keys can be in); a call that only extends its channels matches nothing. No index is maintained:
   * the key is unique because every write goes through this one connection, under the write lock,
   * in the one process DuckDB lets open the file for writing.
   */
  @Override
  protected IngestResult move(Connection c, IngestPlan plan, Instant now) throws SQLException {
    long t0 = System.nanoTime();
    stage(c, plan);
    long t1 = System.nanoTime();
    long staged = plan.stagedRows();
    boolean fresh = true;
    for (IngestPlan.Part p : plan.parts()) {
      Long last = latest.get(key(p.series()));
      fresh &= last == null || p.series().epochSeconds()[0] > last;
    }
    afterCommit = () -> remember(plan);
    long hits = 0;
    if (!fresh) {
      try (Statement st = c.createStatement()) {
        hits =
            st.executeUpdate(
                "INSERT INTO "
                    + HITS
                    + " SELECT s.sid, s.ts_s, s.value, r.value FROM "
                    + ROWS
                    + " s JOIN raw_data r ON r.meter_id = s.meter_id AND r.obis = s.obis"
                    + " AND r.\"timestamp\" = to_timestamp(s.ts_s) WHERE s.ts_s <= s.known");
      }
    }
    String select =
        "SELECT s.meter_id, s.obis, to_timestamp(s.ts_s), s.value, s.unit, s.status,"
            + " CASE WHEN (s.status & 5) <> 0 THEN 'SUSPECT' ELSE 'VALID' END, s.source, ? FROM "
            + ROWS
            + " s";
    long t2 = System.nanoTime();
    long conflicts = 0;
    if (hits > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO conflicts (meter_id, obis, \"timestamp\", stored_value, offered_value,"
                  + " source, seen_at) SELECT x.meter_id, x.obis, to_timestamp(h.ts_s), h.stored,"
                  + " h.offered, x.source, ? FROM "
                  + HITS
                  + " h JOIN "
                  + SERIES
                  + " x USING (sid) WHERE h.stored <> h.offered ON CONFLICT DO NOTHING")) {
        ps.setObject(1, Sql.odt(now));
        ps.executeUpdate();
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT count(*) FROM " + HITS + " WHERE stored <> offered")) {
        rs.next();
        conflicts = rs.getLong(1);
      }
      select +=
          " WHERE NOT EXISTS (SELECT 1 FROM "
              + HITS
              + " h WHERE h.sid = s.sid AND h.ts_s = s.ts_s)";
    }
    long inserted = 0;
    if (hits < staged) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO raw_data (meter_id, obis, \"timestamp\", value, unit, status, quality,"
                  + " source, ingested_at) "
                  + select)) {
        ps.setObject(1, Sql.odt(now));
        inserted = ps.executeUpdate();
      }
    }
    unstage(c);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "ingest: {} rows staged in {} ms, matched {} stored in {} ms, {} inserted in {} ms",
          staged,
          (t1 - t0) / 1_000_000,
          hits,
          (t2 - t1) / 1_000_000,
          inserted,
          (System.nanoTime() - t2) / 1_000_000);
    }
    return new IngestResult(staged, inserted, hits - conflicts, conflicts);
  }

  private static String key(IntervalSeries s) {
    return s.meter().value() + '|' + s.obis();
  }

  private void remember(IngestPlan plan) {
    for (IngestPlan.Part p : plan.parts()) {
      long[] t = p.series().epochSeconds();
      latest.merge(key(p.series()), t[t.length - 1], Math::max);
    }
  }

  @Override
  protected void unstage(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DELETE FROM " + SERIES);
      st.execute("DELETE FROM " + HITS);
    }
  }

  /** Writes pending changes into the database file (DuckDB CHECKPOINT). */
  public void checkpoint() {
    writeLock.lock();
    try (Statement st = writer.createStatement()) {
      st.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw translate("checkpoint of " + file, e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      for (PreparedStatement[] ps : rawStatements.values()) {
        for (PreparedStatement p : ps) {
          try {
            p.close();
          } catch (SQLException ignored) {
            // closing anyway
          }
        }
      }
      rawStatements.clear();
      for (Connection c : all) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
      root.close();
    } catch (SQLException e) {
      throw new StoreException("closing DuckDB file " + file + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }
}

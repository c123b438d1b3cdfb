package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.internal.DuckDbEvents;
import io.loadlens.store.internal.DuckDbSeries;
import io.loadlens.store.internal.IngestPlan;
import io.loadlens.store.internal.Migrations;
import io.loadlens.store.internal.SeriesRegistry;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
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
      "(SELECT series_id, meter_id, obis, unit, source, known, unnest(ts) AS ts_s,"
          + " unnest(v) AS value, unnest(st) AS status FROM "
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
   * Statements prepared once per reader connection ({@link DuckDbSeries#RAW_SQL}, {@link
   * DuckDbSeries#VALIDATED_SQL}, {@link DuckDbSeries#VALIDATED_META_SQL}): preparing them again for
   * every read cost about as much as the scan. A reader connection serves one thread at a time.
   */
  private final Map<Connection, PreparedStatement[]> statements = new ConcurrentHashMap<>();

  /**
   * Every series (meter and channel) with its integer id, unit and latest raw capture, exact
   * because this process is the file's only writer: readers find the id their query filters on
   * without a query, and a call whose every series starts after its latest capture cannot hold a
   * stored row, so the match against {@code raw_data} is skipped. Changed after each commit.
   */
  private final SeriesRegistry registry;

  /** Meters with manual edits; every other meter's reads skip the {@code edits} query. */
  private final Set<MeterId> metersWithEdits = ConcurrentHashMap.newKeySet();

  private Runnable afterCommit;

  private DuckDbStore(Path file, DuckDBConnection root, InstantSource clock) throws SQLException {
    super(clock);
    this.file = file;
    this.root = root;
    this.writer = root.duplicate();
    this.registry = SeriesRegistry.load(writer);
    this.metersWithEdits.addAll(DuckDbSeries.metersWithEdits(writer));
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
    Optional<SeriesRegistry.Entry> e = registry.find(meter, obis);
    if (e.isEmpty() || !e.get().hasRaw()) {
      return IntervalSeries.of(
          meter,
          obis,
          e.map(SeriesRegistry.Entry::unit).orElse(io.loadlens.model.Unit.NONE),
          new long[0],
          new double[0]);
    }
    return read(
        "readRaw " + meter + " " + obis,
        c -> DuckDbSeries.readRaw(prepared(c)[0], e.get(), Sql.lower(from), Sql.upper(to)));
  }

  @Override
  public Optional<ValidatedSeries> readValidated(
      MeterId meter, ObisCode obis, Instant from, Instant to) {
    Optional<SeriesRegistry.Entry> e = registry.find(meter, obis);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    boolean edited = metersWithEdits.contains(meter);
    return read(
        "readValidated " + meter + " " + obis,
        c -> {
          PreparedStatement[] ps = prepared(c);
          return DuckDbSeries.readValidated(
              ps[1], ps[2], e.get(), Sql.lower(from), Sql.upper(to), edited ? c : null);
        });
  }

  private PreparedStatement[] prepared(Connection c) throws SQLException {
    PreparedStatement[] ps = statements.get(c);
    if (ps == null) {
      ps =
          new PreparedStatement[] {
            c.prepareStatement(DuckDbSeries.RAW_SQL),
            c.prepareStatement(DuckDbSeries.VALIDATED_SQL),
            c.prepareStatement(DuckDbSeries.VALIDATED_META_SQL)
          };
      statements.put(c, ps);
    }
    return ps;
  }

  /** Served from the series registry: no query. */
  @Override
  public List<ObisCode> channels(MeterId meter) {
    return registry.rawChannels(meter);
  }

  /** Served from the series registry: no query. */
  @Override
  public Optional<Instant> lastCaptureTime(MeterId meter, ObisCode obis) {
    return registry
        .find(meter, obis)
        .filter(SeriesRegistry.Entry::hasRaw)
        .map(e -> Instant.ofEpochSecond(e.latestRaw()));
  }

  /** Served from the series registry: no query. */
  @Override
  public Map<MeterId, Instant> lastCaptureTimes(ObisCode obis) {
    return registry.latestRaw(obis);
  }

  /** All events in one staged insert ({@link DuckDbEvents}) instead of one insert each. */
  @Override
  public void recordEvents(Collection<MeterEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    write(
        "recordEvents (" + events.size() + ")",
        c -> {
          DuckDbEvents.record(c, events);
          return null;
        });
  }

  /**
   * Skips the query for a meter that has no edits (known in memory: this process is the writer).
   */
  @Override
  public List<ManualEdit> edits(MeterId meter) {
    return metersWithEdits.contains(meter) ? super.edits(meter) : List.of();
  }

  @Override
  public void recordEdit(ManualEdit edit) {
    super.recordEdit(edit);
    metersWithEdits.add(edit.meter());
  }

  /** The database file. */
  public Path file() {
    return file;
  }

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
  public void replaceValidated(ValidatedSeries series) {
    replaceValidated(List.of(series));
  }

  /**
   * Replaces the validated spans of all the series in one transaction with one staged {@code
   * DELETE} and one {@code INSERT} ({@link DuckDbSeries#replaceValidated}); series new to the store
   * are registered in the same transaction.
   */
  @Override
  public void replaceValidated(Collection<ValidatedSeries> series) {
    List<ValidatedSeries> nonEmpty = series.stream().filter(s -> s.size() > 0).toList();
    if (nonEmpty.isEmpty()) {
      return;
    }
    write(
        "replaceValidated (" + nonEmpty.size() + " series)",
        c -> {
          SeriesRegistry.Pending pending = registry.begin();
          int[] ids = new int[nonEmpty.size()];
          for (int i = 0; i < ids.length; i++) {
            ValidatedSeries s = nonEmpty.get(i);
            ids[i] = pending.entry(s.meter(), s.obis(), s.unit()).id();
          }
          pending.insertCreated(c);
          DuckDbSeries.replaceValidated(c, nonEmpty, ids);
          afterCommit = pending::apply;
          return null;
        });
  }

  /**
   * Stages the plan as one row per series, in series-id order: its id, meter, channel, unit and
   * source, the latest time already stored for it ({@code known}, from the registry), and its
   * times, values and status bytes as three list columns. The appender takes each list as one Java
   * array, so staging costs a few calls per series instead of six per row; the rows are unnested in
   * SQL ({@link #ROWS}) and reach {@code raw_data} grouped by series id.
   */
  private void stage(Connection c, List<Staged> staged) throws SQLException {
    if (!stageCreated) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + SERIES
                + " (series_id INTEGER, meter_id VARCHAR, obis VARCHAR, unit VARCHAR, source"
                + " VARCHAR, known BIGINT, ts BIGINT[], v DOUBLE[], st INTEGER[])");
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + HITS
                + " (series_id INTEGER, ts_s BIGINT, offered DOUBLE, stored DOUBLE)");
      }
      stageCreated = true;
    }
    DuckDBConnection d = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SERIES)) {
      for (Staged x : staged) {
        IntervalSeries s = x.part().series();
        a.beginRow();
        a.append(x.series().id());
        a.append(s.meter().value());
        a.append(s.obis().toString());
        a.append(s.unit().symbol());
        a.append(x.part().source());
        a.append(x.series().latestRaw());
        a.append(s.epochSeconds());
        a.append(s.values());
        a.append(s.status());
        a.endRow();
      }
    }
  }

  /** A part of the plan with its series. */
  private record Staged(IngestPlan.Part part, SeriesRegistry.Entry series) {}

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
    SeriesRegistry.Pending pending = registry.begin();
    List<Staged> staged = new ArrayList<>(plan.parts().size());
    boolean fresh = true;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (IngestPlan.Part p : plan.parts()) {
      IntervalSeries s = p.series();
      SeriesRegistry.Entry e = pending.entry(s.meter(), s.obis(), s.unit());
      staged.add(new Staged(p, e));
      fresh &= s.epochSeconds()[0] > e.latestRaw();
      pending.rawStored(e, s.epochSeconds()[s.size() - 1]);
      lo = Math.min(lo, e.id());
      hi = Math.max(hi, e.id());
    }
    staged.sort(Comparator.comparingInt(x -> x.series().id()));
    pending.insertCreated(c);
    stage(c, staged);
    long t1 = System.nanoTime();
    long stagedRows = plan.stagedRows();
    afterCommit = pending::apply;
    long hits = 0;
    if (!fresh) {
      try (Statement st = c.createStatement()) {
        // the literal id range lets DuckDB skip, by zone map, the row groups of other series
        hits =
            st.executeUpdate(
                "INSERT INTO "
                    + HITS
                    + " SELECT s.series_id, s.ts_s, s.value, r.value FROM "
                    + ROWS
                    + " s JOIN raw_data r ON r.series_id = s.series_id"
                    + " AND r.\"timestamp\" = to_timestamp(s.ts_s) WHERE s.ts_s <= s.known"
                    + " AND r.series_id BETWEEN "
                    + lo
                    + " AND "
                    + hi);
      }
    }
    String select =
        "SELECT s.meter_id, s.obis, to_timestamp(s.ts_s), s.value, s.unit, s.status,"
            + " CASE WHEN (s.status & 5) <> 0 THEN 'SUSPECT' ELSE 'VALID' END, s.source, ?,"
            + " s.series_id FROM "
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
                  + " x USING (series_id) WHERE h.stored <> h.offered ON CONFLICT DO NOTHING")) {
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
              + " h WHERE h.series_id = s.series_id AND h.ts_s = s.ts_s)";
    }
    long inserted = 0;
    if (hits < stagedRows) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO raw_data (meter_id, obis, \"timestamp\", value, unit, status, quality,"
                  + " source, ingested_at, series_id) "
                  + select)) {
        ps.setObject(1, Sql.odt(now));
        inserted = ps.executeUpdate();
      }
    }
    unstage(c);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "ingest: {} rows staged in {} ms, matched {} stored in {} ms, {} inserted in {} ms",
          stagedRows,
          (t1 - t0) / 1_000_000,
          hits,
          (t2 - t1) / 1_000_000,
          inserted,
          (System.nanoTime() - t2) / 1_000_000);
    }
    return new IngestResult(stagedRows, inserted, hits - conflicts, conflicts);
  }

  /** Empties the staging tables after a move. */
  private void unstage(Connection c) throws SQLException {
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
      for (PreparedStatement[] ps : statements.values()) {
        for (PreparedStatement p : ps) {
          try {
            p.close();
          } catch (SQLException ignored) {
            // closing anyway
          }
        }
      }
      statements.clear();
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

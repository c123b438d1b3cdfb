package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.store.internal.IngestPlan;
import io.loadlens.store.internal.Migrations;
import io.loadlens.store.internal.Sql;
import io.loadlens.store.internal.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded store: one DuckDB file, no setup.
 *
 * <p>Threading: DuckDB allows one writing process per file. Within this process all work shares one
 * database instance: writes go through one connection, serialized by a lock (DuckDB would otherwise
 * abort concurrent conflicting transactions); reads use a small pool of duplicated connections and
 * run in parallel with each other and with a write (MVCC snapshots).
 *
 * <p>Ingest: rows go through the DuckDB appender into a temporary staging table, then one {@code
 * INSERT ... SELECT ... ON CONFLICT DO NOTHING} moves them into {@code raw_data}, all in one
 * transaction.
 */
public final class DuckDbStore extends SqlStore {
  private static final String STAGE = "ingest_stage";
  private static final int READERS = 4;

  private final Path file;
  private final DuckDBConnection root;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> all = new ArrayList<>();
  private boolean stageCreated;

  private DuckDbStore(Path file, DuckDBConnection root, InstantSource clock) throws SQLException {
    super(clock);
    this.file = file;
    this.root = root;
    this.writer = root.duplicate();
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
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          writer.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
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
    return STAGE;
  }

  @Override
  protected void stage(Connection c, IngestPlan plan) throws SQLException {
    if (!stageCreated) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + STAGE
                + " (meter_id VARCHAR, obis VARCHAR, ts_s BIGINT, value DOUBLE, unit VARCHAR,"
                + " status SMALLINT, source VARCHAR)");
      }
      stageCreated = true;
    }
    try (DuckDBAppender a =
        c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, STAGE)) {
      for (IngestPlan.Part p : plan.parts()) {
        IntervalSeries s = p.series();
        String meter = s.meter().value();
        String obis = s.obis().toString();
        String unit = s.unit().symbol();
        long[] t = s.epochSeconds();
        double[] v = s.values();
        int[] st = s.status();
        for (int i = 0; i < t.length; i++) {
          a.beginRow();
          a.append(meter);
          a.append(obis);
          a.append(t[i]);
          a.append(v[i]);
          a.append(unit);
          a.append((short) st[i]);
          a.append(p.source());
          a.endRow();
        }
      }
    }
  }

  @Override
  protected void unstage(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DELETE FROM " + STAGE);
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

package io.loadlens.store.internal;

import io.loadlens.model.MeterEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB bulk path of {@code recordEvents}: one appender row per event into a temporary table, then
 * one {@code INSERT ... ON CONFLICT DO NOTHING} (repeats within the call kept once, the first). One
 * {@code INSERT} per event cost about 4 ms each against the primary key of {@code meter_events}: a
 * VEE run over 1,000 meters spent more time there than in its validated writes.
 */
public final class DuckDbEvents {
  private DuckDbEvents() {}

  private static final String STAGE = "events_stage";

  public static void record(Connection c, Collection<MeterEvent> events) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + STAGE
              + " (seq INTEGER, meter_id VARCHAR, kind VARCHAR, start_us BIGINT, end_us BIGINT,"
              + " code VARCHAR, detail VARCHAR)");
    }
    DuckDBConnection d = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, STAGE)) {
      int seq = 0;
      for (MeterEvent e : events) {
        a.beginRow();
        a.append(seq++);
        a.append(e.meter().value());
        a.append(e.kind().name());
        a.append(micros(e.start()));
        a.append(micros(e.end()));
        a.append(SqlStore.codeText(e.code()));
        a.append(e.detail());
        a.endRow();
      }
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO meter_events (meter_id, kind, start_at, end_at, code, detail) SELECT"
              + " meter_id, kind, to_timestamp(0) + to_microseconds(start_us), to_timestamp(0) +"
              + " to_microseconds(end_us), code, detail FROM "
              + STAGE
              + " QUALIFY row_number() OVER (PARTITION BY meter_id, kind, start_us, end_us, code"
              + " ORDER BY seq) = 1 ON CONFLICT DO NOTHING");
      st.execute("DELETE FROM " + STAGE);
    }
  }

  /** Epoch microseconds, truncated like {@link Sql#odt}. */
  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }
}

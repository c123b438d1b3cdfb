package io.loadlens.store.internal;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Quality;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Binary {@code COPY} of an ingest plan's rows in the column layout of PostgreSQL's {@code
 * raw_data}: the store copies into {@code raw_data} or one of its partitions, and the ingest
 * benchmark copies the very same bytes into an unindexed table of the same columns as its floor.
 */
public final class RawDataCopy {
  /** The columns, in the order the rows are encoded, as a select list. */
  public static final String COLUMN_LIST =
      "meter_id, obis, \"timestamp\", value, unit, status, quality, source, ingested_at";

  /** {@link #COLUMN_LIST} in parentheses, as a COPY or INSERT names its target columns. */
  public static final String COLUMNS = "(" + COLUMN_LIST + ")";

  /**
   * Status bits that make a row SUSPECT: CRITICAL_ERROR (0x01) and DATA_NOT_VALID (0x04), as in the
   * SQL of the staging path ({@code (status & 5) <> 0}).
   */
  private static final int SUSPECT_BITS =
      ProfileStatus.CRITICAL_ERROR | ProfileStatus.DATA_NOT_VALID;

  private RawDataCopy() {}

  /**
   * Copies the plan's rows into {@code table}, all stamped as ingested at {@code now}; returns the
   * rows copied. A failed copy is cancelled, so the connection stays usable for a rollback.
   */
  public static long copy(Connection c, String table, IngestPlan plan, Instant now)
      throws SQLException {
    CopyIn copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " " + COLUMNS + " FROM STDIN (FORMAT binary)");
    try {
      BinaryCopy out = new BinaryCopy(copy);
      long ingestedAt = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1000;
      byte[] valid = BinaryCopy.text(Quality.VALID.name());
      byte[] suspect = BinaryCopy.text(Quality.SUSPECT.name());
      for (IngestPlan.Part p : plan.parts()) {
        IntervalSeries s = p.series();
        byte[] meter = BinaryCopy.text(s.meter().value());
        byte[] obis = BinaryCopy.text(s.obis().toString());
        byte[] unit = BinaryCopy.text(s.unit().symbol());
        byte[] source = BinaryCopy.text(p.source());
        long[] t = s.epochSeconds();
        double[] v = s.values();
        int[] status = s.status();
        for (int i = 0; i < t.length; i++) {
          out.startRow(9);
          out.putText(meter);
          out.putText(obis);
          out.putTimestampSeconds(t[i]);
          out.putFloat8(v[i]);
          out.putText(unit);
          out.putInt2(status[i]);
          out.putText((status[i] & SUSPECT_BITS) != 0 ? suspect : valid);
          out.putText(source);
          out.putTimestampMicros(ingestedAt);
        }
      }
      return out.finish();
    } catch (SQLException | RuntimeException e) {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
      throw e;
    }
  }
}

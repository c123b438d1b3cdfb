package io.loadlens.store.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.store.ExportFilter;
import io.loadlens.store.StoredValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reads of {@code raw_data}: one channel, fleet aggregates, exports. */
public final class RawReader {
  private RawReader() {}

  static final MeterId FLEET = MeterId.of("fleet");

  /**
   * One channel's rows in a range: epoch seconds, value, status. No {@code ORDER BY}: the rows come
   * back in the order they were stored, which is time order for data that arrives in order, and
   * {@link #read} sorts them only when they are not; a sort inside the database cost more than the
   * whole scan of a meter-year.
   */
  public static final String SERIES_SQL =
      "SELECT "
          + Sql.epoch("\"timestamp\"")
          + ", value, status FROM raw_data WHERE meter_id = ? AND obis = ?"
          + " AND \"timestamp\" >= "
          + Sql.TS_PARAM
          + " AND \"timestamp\" < "
          + Sql.TS_PARAM;

  /** The unit of a channel, read once rather than per row (strings are costly to fetch). */
  public static final String UNIT_SQL =
      "SELECT unit FROM raw_data WHERE meter_id = ? AND obis = ? LIMIT 1";

  /**
   * Reads one channel with the two statements prepared from {@link #SERIES_SQL} and {@link
   * #UNIT_SQL}; the statements are left open, so a caller may keep them for the next read.
   */
  public static IntervalSeries read(
      PreparedStatement series,
      PreparedStatement unit,
      MeterId meter,
      ObisCode obis,
      Instant from,
      Instant to)
      throws SQLException {
    series.setString(1, meter.value());
    series.setString(2, obis.toString());
    series.setLong(3, Sql.lower(from));
    series.setLong(4, Sql.upper(to));
    series.setFetchSize(50_000);
    BinaryCopy.Rows rows = timeValueStatus(series);
    unit.setString(1, meter.value());
    unit.setString(2, obis.toString());
    Unit u;
    try (ResultSet rs = unit.executeQuery()) {
      u = rs.next() ? Unit.fromSymbol(rs.getString(1)) : Unit.NONE;
    }
    return new IntervalSeries(meter, obis, u, rows.epochSeconds(), rows.values(), rows.status());
  }

  /**
   * Runs a query whose columns are epoch seconds, value and status, and returns its rows sorted by
   * time (they are sorted here only when they did not come back in time order).
   */
  public static BinaryCopy.Rows timeValueStatus(PreparedStatement ps) throws SQLException {
    long[] t = new long[1024];
    double[] v = new double[1024];
    int[] st = new int[1024];
    int n = 0;
    boolean ordered = true;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (n == t.length) {
          t = Arrays.copyOf(t, n * 2);
          v = Arrays.copyOf(v, n * 2);
          st = Arrays.copyOf(st, n * 2);
        }
        t[n] = rs.getLong(1);
        v[n] = rs.getDouble(2);
        st[n] = rs.getInt(3);
        ordered &= n == 0 || t[n] > t[n - 1];
        n++;
      }
    }
    t = Arrays.copyOf(t, n);
    v = Arrays.copyOf(v, n);
    st = Arrays.copyOf(st, n);
    if (!ordered) {
      sortByTime(t, v, st);
    }
    return new BinaryCopy.Rows(t, v, st);
  }

  /** Sorts the three columns by time in place unless they are in time order already. */
  public static void sortByTimeIfNeeded(long[] t, double[] v, int[] st) {
    for (int i = 1; i < t.length; i++) {
      if (t[i] <= t[i - 1]) {
        sortByTime(t, v, st);
        return;
      }
    }
  }

  /** Sorts the three columns by time (times are unique: the key includes them). */
  static void sortByTime(long[] t, double[] v, int[] st) {
    Integer[] order = new Integer[t.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
    long[] t2 = t.clone();
    double[] v2 = v.clone();
    int[] s2 = st.clone();
    for (int i = 0; i < order.length; i++) {
      t[i] = t2[order[i]];
      v[i] = v2[order[i]];
      st[i] = s2[order[i]];
    }
  }

  static IntervalSeries aggregate(
      Connection c, ObisCode obis, Instant from, Instant to, long bucketSeconds)
      throws SQLException {
    String ts = Sql.epoch("\"timestamp\"");
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT CAST(floor(("
                + ts
                + " - ?) / CAST(? AS DOUBLE PRECISION)) AS BIGINT) AS b, sum(value), min(unit) FROM validated_data"
                + " WHERE obis = ? AND quality <> 'MISSING' AND \"timestamp\" >= "
                + Sql.TS_PARAM
                + " AND \"timestamp\" < "
                + Sql.TS_PARAM
                + " GROUP BY b ORDER BY b")) {
      long lo = Sql.lower(from);
      ps.setLong(1, lo);
      ps.setLong(2, bucketSeconds);
      ps.setString(3, obis.toString());
      ps.setLong(4, lo);
      ps.setLong(5, Sql.upper(to));
      long[] t = new long[256];
      double[] v = new double[256];
      int n = 0;
      Unit unit = Unit.NONE;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            v = Arrays.copyOf(v, n * 2);
          }
          t[n] = lo + rs.getLong(1) * bucketSeconds;
          v[n] = rs.getDouble(2);
          unit = Unit.fromSymbol(rs.getString(3));
          n++;
        }
      }
      return IntervalSeries.of(FLEET, obis, unit, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
  }

  static void export(Connection c, ExportFilter f, Consumer<StoredValue> sink) throws SQLException {
    String where =
        " WHERE \"timestamp\" >= "
            + Sql.TS_PARAM
            + " AND \"timestamp\" < "
            + Sql.TS_PARAM
            + (f.meter() != null ? " AND meter_id = ?" : "");
    String sql =
        "SELECT meter_id, obis, "
            + Sql.epoch("\"timestamp\"")
            + " AS ts, value, unit, quality, CAST(NULL AS VARCHAR) AS method, source, 0 AS k"
            + " FROM raw_data"
            + where
            + (f.includeEstimated()
                ? " UNION ALL SELECT meter_id, obis, "
                    + Sql.epoch("\"timestamp\"")
                    + ", value, unit, quality, method, 'vee:' || vee_version, 1 FROM validated_data"
                    + where
                    + " AND quality IN ('ESTIMATED', 'EDITED')"
                : "")
            + " ORDER BY meter_id, obis, ts, k";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (int part = 0; part < (f.includeEstimated() ? 2 : 1); part++) {
        ps.setLong(i++, Sql.lower(f.from()));
        ps.setLong(i++, Sql.upper(f.to()));
        if (f.meter() != null) {
          ps.setString(i++, f.meter().value());
        }
      }
      ps.setFetchSize(10_000);
      Map<String, MeterId> meters = new HashMap<>();
      Map<String, ObisCode> codes = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String m = rs.getString(1);
          String method = rs.getString(7);
          sink.accept(
              new StoredValue(
                  meters.computeIfAbsent(m, MeterId::of),
                  codes.computeIfAbsent(rs.getString(2), ObisCode::parse),
                  rs.getLong(3),
                  rs.getDouble(4),
                  Unit.fromSymbol(rs.getString(5)),
                  Quality.valueOf(rs.getString(6)),
                  method == null ? null : EstimationMethod.valueOf(method),
                  rs.getString(8)));
        }
      }
    }
  }
}

package io.loadlens.store.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB reads and writes of {@code raw_data} and {@code validated_data} by integer {@code
 * series_id} ({@link SeriesRegistry}): the filter DuckDB's zone maps prune on. The statements here
 * select no string column per row (strings cost far more to fetch through JDBC than numbers):
 * quality and method travel as small integer codes, unit, interval and version once per read.
 */
public final class DuckDbSeries {
  private DuckDbSeries() {}

  /** One channel's raw rows in a range. Parameters: series id, from, to (epoch s). */
  public static final String RAW_SQL =
      "SELECT "
          + Sql.epoch("\"timestamp\"")
          + ", value, status FROM raw_data WHERE series_id = ? AND \"timestamp\" >= "
          + Sql.TS_PARAM
          + " AND \"timestamp\" < "
          + Sql.TS_PARAM;

  private static final List<Quality> QUALITIES = List.of(Quality.values());
  private static final List<EstimationMethod> METHODS = List.of(EstimationMethod.values());

  /** One channel's validated rows. Parameters: series id, from, to (epoch s). */
  public static final String VALIDATED_SQL =
      "SELECT "
          + Sql.epoch("\"timestamp\"")
          + ", value, "
          + codeOf("quality", names(QUALITIES))
          + ", coalesce("
          + codeOf("method", names(METHODS))
          + ", -1), reasons FROM validated_data WHERE series_id = ? AND \"timestamp\" >= "
          + Sql.TS_PARAM
          + " AND \"timestamp\" < "
          + Sql.TS_PARAM;

  /** Unit, interval and version of the latest validated row in a range (same parameters). */
  public static final String VALIDATED_META_SQL =
      "SELECT arg_max(unit, \"timestamp\"), arg_max(interval_s, \"timestamp\"),"
          + " arg_max(vee_version, \"timestamp\") FROM validated_data WHERE series_id = ? AND"
          + " \"timestamp\" >= "
          + Sql.TS_PARAM
          + " AND \"timestamp\" < "
          + Sql.TS_PARAM;

  private static final String VALIDATED_STAGE = "validated_stage";

  private static List<String> names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }

  /** {@code CASE column WHEN 'A' THEN 0 WHEN 'B' THEN 1 ... END}. */
  private static String codeOf(String column, List<String> names) {
    StringBuilder sb = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < names.size(); i++) {
      sb.append(" WHEN '").append(names.get(i)).append("' THEN ").append(i);
    }
    return sb.append(" END").toString();
  }

  /** {@code ['A', 'B', ...]}: a DuckDB list literal, indexed from 1. */
  private static String listOf(List<String> names) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "'" : ", '").append(names.get(i)).append('\'');
    }
    return sb.append(']').toString();
  }

  /**
   * Reads one channel's raw rows with a statement prepared from {@link #RAW_SQL}, left open for the
   * next read. Rows come back as stored, which is time order for data that arrived in order; they
   * are sorted only when they are not.
   */
  public static IntervalSeries readRaw(
      PreparedStatement ps, SeriesRegistry.Entry series, long from, long to) throws SQLException {
    ps.setInt(1, series.id());
    ps.setLong(2, from);
    ps.setLong(3, to);
    ps.setFetchSize(50_000);
    BinaryCopy.Rows rows = RawReader.timeValueStatus(ps);
    return new IntervalSeries(
        series.meter(),
        series.obis(),
        series.unit(),
        rows.epochSeconds(),
        rows.values(),
        rows.status());
  }

  /**
   * Reads one channel's validated rows with statements prepared from {@link #VALIDATED_SQL} and
   * {@link #VALIDATED_META_SQL} (left open), with the manual edits of the span applied when {@code
   * edits} is a connection (null: the meter has none).
   */
  public static Optional<ValidatedSeries> readValidated(
      PreparedStatement rows,
      PreparedStatement meta,
      SeriesRegistry.Entry series,
      long from,
      long to,
      Connection edits)
      throws SQLException {
    rows.setInt(1, series.id());
    rows.setLong(2, from);
    rows.setLong(3, to);
    rows.setFetchSize(50_000);
    int cap = 1024;
    long[] t = new long[cap];
    double[] v = new double[cap];
    int[] q = new int[cap];
    int[] m = new int[cap];
    long[] r = new long[cap];
    int n = 0;
    boolean ordered = true;
    try (ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        if (n == t.length) {
          t = Arrays.copyOf(t, n * 2);
          v = Arrays.copyOf(v, n * 2);
          q = Arrays.copyOf(q, n * 2);
          m = Arrays.copyOf(m, n * 2);
          r = Arrays.copyOf(r, n * 2);
        }
        t[n] = rs.getLong(1);
        double value = rs.getDouble(2);
        v[n] = rs.wasNull() ? Double.NaN : value;
        q[n] = rs.getInt(3);
        m[n] = rs.getInt(4);
        r[n] = rs.getLong(5);
        ordered &= n == 0 || t[n] > t[n - 1];
        n++;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (!ordered) {
      long[] times = t;
      Arrays.sort(order, Comparator.comparingLong(i -> times[i]));
    }
    long[] ts = new long[n];
    double[] vs = new double[n];
    Quality[] qs = new Quality[n];
    EstimationMethod[] ms = new EstimationMethod[n];
    long[] rs = new long[n];
    for (int i = 0; i < n; i++) {
      int k = order[i];
      ts[i] = t[k];
      vs[i] = v[k];
      qs[i] = QUALITIES.get(q[k]);
      ms[i] = m[k] < 0 ? null : METHODS.get(m[k]);
      rs[i] = r[k];
    }
    if (edits != null) {
      ValidatedSql.applyEdits(edits, series.meter(), series.obis(), ts, vs, qs, ms);
    }
    meta.setInt(1, series.id());
    meta.setLong(2, from);
    meta.setLong(3, to);
    try (ResultSet mr = meta.executeQuery()) {
      mr.next();
      return Optional.of(
          new ValidatedSeries(
              series.meter(),
              series.obis(),
              Unit.fromSymbol(mr.getString(1)),
              mr.getInt(2),
              ts,
              vs,
              qs,
              ms,
              rs,
              mr.getString(3)));
    }
  }

  /**
   * Replaces the validated spans of many series in the open transaction: the series go through the
   * appender as one row each of a temporary table (times, values, quality and method codes, reason
   * bits as list columns), then one {@code DELETE ... USING} removes every staged span and one
   * {@code INSERT ... SELECT} unnests the staged rows, in series-id order. Series that share a
   * meter and channel within the call are applied in order, one round each, so the later one wins
   * where they overlap, as with one-by-one replacement.
   *
   * @param ids the series id of each series, same order
   */
  public static void replaceValidated(Connection c, List<ValidatedSeries> series, int[] ids)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + VALIDATED_STAGE
              + " (series_id INTEGER, meter_id VARCHAR, obis VARCHAR, unit VARCHAR, interval_s"
              + " INTEGER, vee_version VARCHAR, first_s BIGINT, end_s BIGINT, ts BIGINT[], v"
              + " DOUBLE[], q INTEGER[], m INTEGER[], r BIGINT[])");
    }
    List<List<Integer>> rounds = new ArrayList<>();
    List<Set<Integer>> roundIds = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      int k = 0;
      // the first round after every round that already holds this series
      for (int j = rounds.size() - 1; j >= 0; j--) {
        if (roundIds.get(j).contains(ids[i])) {
          k = j + 1;
          break;
        }
      }
      if (k == rounds.size()) {
        rounds.add(new ArrayList<>());
        roundIds.add(new HashSet<>());
      }
      rounds.get(k).add(i);
      roundIds.get(k).add(ids[i]);
    }
    for (List<Integer> round : rounds) {
      round.sort(Comparator.comparingInt(i -> ids[i]));
      replaceRound(c, series, ids, round);
    }
  }

  private static void replaceRound(
      Connection c, List<ValidatedSeries> series, int[] ids, List<Integer> round)
      throws SQLException {
    DuckDBConnection d = c.unwrap(DuckDBConnection.class);
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, VALIDATED_STAGE)) {
      for (int i : round) {
        ValidatedSeries s = series.get(i);
        int n = s.size();
        boolean[] nulls = new boolean[n];
        double[] v = s.values().clone();
        int[] q = new int[n];
        int[] m = new int[n];
        for (int k = 0; k < n; k++) {
          if (Double.isNaN(v[k])) {
            nulls[k] = true;
            v[k] = 0;
          }
          q[k] = s.quality()[k].ordinal();
          m[k] = s.method()[k] == null ? -1 : s.method()[k].ordinal();
        }
        a.beginRow();
        a.append(ids[i]);
        a.append(s.meter().value());
        a.append(s.obis().toString());
        a.append(s.unit().symbol());
        a.append(s.intervalSeconds());
        a.append(s.veeVersion());
        a.append(s.epochSeconds()[0]);
        a.append(s.epochSeconds()[n - 1] + s.intervalSeconds());
        a.append(s.epochSeconds());
        a.append(v, nulls);
        a.append(q);
        a.append(m);
        a.append(s.reasons());
        a.endRow();
        lo = Math.min(lo, ids[i]);
        hi = Math.max(hi, ids[i]);
      }
    }
    try (Statement st = c.createStatement()) {
      // the literal id range lets DuckDB skip, by zone map, the row groups of other series
      st.executeUpdate(
          "DELETE FROM validated_data d USING "
              + VALIDATED_STAGE
              + " s WHERE d.series_id BETWEEN "
              + lo
              + " AND "
              + hi
              + " AND d.series_id = s.series_id AND d.\"timestamp\" >= to_timestamp(s.first_s)"
              + " AND d.\"timestamp\" < to_timestamp(s.end_s)");
      st.executeUpdate(
          "INSERT INTO validated_data (meter_id, obis, \"timestamp\", value, unit, interval_s,"
              + " quality, method, reasons, vee_version, series_id) SELECT meter_id, obis,"
              + " to_timestamp(t), v, unit, interval_s, "
              + listOf(names(QUALITIES))
              + "[q + 1], CASE WHEN m >= 0 THEN "
              + listOf(names(METHODS))
              + "[m + 1] END, r, vee_version, series_id FROM (SELECT series_id, meter_id, obis,"
              + " unit, interval_s, vee_version, unnest(ts) AS t, unnest(v) AS v, unnest(q) AS q,"
              + " unnest(m) AS m, unnest(r) AS r FROM "
              + VALIDATED_STAGE
              + ")");
      st.execute("DELETE FROM " + VALIDATED_STAGE);
    }
  }

  /** The meters that have manual edits ({@code edits} table). */
  public static Set<MeterId> metersWithEdits(Connection c) throws SQLException {
    Set<MeterId> out = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT meter_id FROM edits")) {
      while (rs.next()) {
        out.add(MeterId.of(rs.getString(1)));
      }
    }
    return out;
  }
}

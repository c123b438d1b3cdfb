package io.loadlens.store.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.ManualEdit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** VEE output ({@code validated_data}) and the manual-edit audit ({@code edits}). */
final class ValidatedSql {
  private ValidatedSql() {}

  static void replace(Connection c, ValidatedSeries s) throws SQLException {
    if (s.size() == 0) {
      return;
    }
    long first = s.epochSeconds()[0];
    long end = s.epochSeconds()[s.size() - 1] + s.intervalSeconds();
    try (PreparedStatement del =
        c.prepareStatement(
            "DELETE FROM validated_data WHERE meter_id = ? AND obis = ? AND \"timestamp\" >= "
                + Sql.TS_PARAM
                + " AND \"timestamp\" < "
                + Sql.TS_PARAM)) {
      del.setString(1, s.meter().value());
      del.setString(2, s.obis().toString());
      del.setLong(3, first);
      del.setLong(4, end);
      del.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO validated_data (meter_id, obis, \"timestamp\", value, unit, interval_s,"
                + " quality, method, reasons, vee_version) VALUES (?, ?, "
                + Sql.TS_PARAM
                + ", ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < s.size(); i++) {
        ps.setString(1, s.meter().value());
        ps.setString(2, s.obis().toString());
        ps.setLong(3, s.epochSeconds()[i]);
        if (Double.isNaN(s.values()[i])) {
          ps.setNull(4, Types.DOUBLE);
        } else {
          ps.setDouble(4, s.values()[i]);
        }
        ps.setString(5, s.unit().symbol());
        ps.setInt(6, s.intervalSeconds());
        ps.setString(7, s.quality()[i].name());
        if (s.method()[i] == null) {
          ps.setNull(8, Types.VARCHAR);
        } else {
          ps.setString(8, s.method()[i].name());
        }
        ps.setLong(9, s.reasons()[i]);
        ps.setString(10, s.veeVersion());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static Optional<ValidatedSeries> read(
      Connection c, MeterId meter, ObisCode obis, Instant from, Instant to) throws SQLException {
    int cap = 1024;
    long[] t = new long[cap];
    double[] v = new double[cap];
    Quality[] q = new Quality[cap];
    EstimationMethod[] m = new EstimationMethod[cap];
    long[] r = new long[cap];
    int n = 0;
    String unit = null;
    String version = null;
    int interval = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Sql.epoch("\"timestamp\"")
                + ", value, quality, method, reasons, unit, interval_s, vee_version"
                + " FROM validated_data WHERE meter_id = ? AND obis = ? AND \"timestamp\" >= "
                + Sql.TS_PARAM
                + " AND \"timestamp\" < "
                + Sql.TS_PARAM
                + " ORDER BY \"timestamp\"")) {
      ps.setString(1, meter.value());
      ps.setString(2, obis.toString());
      ps.setLong(3, Sql.lower(from));
      ps.setLong(4, Sql.upper(to));
      ps.setFetchSize(50_000);
      try (ResultSet rs = ps.executeQuery()) {
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
          q[n] = Quality.valueOf(rs.getString(3));
          String method = rs.getString(4);
          m[n] = method == null ? null : EstimationMethod.valueOf(method);
          r[n] = rs.getLong(5);
          unit = rs.getString(6);
          interval = rs.getInt(7);
          version = rs.getString(8);
          n++;
        }
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    t = Arrays.copyOf(t, n);
    v = Arrays.copyOf(v, n);
    q = Arrays.copyOf(q, n);
    m = Arrays.copyOf(m, n);
    applyEdits(c, meter, obis, t, v, q, m);
    return Optional.of(
        new ValidatedSeries(
            meter,
            obis,
            Unit.fromSymbol(unit),
            interval,
            t,
            v,
            q,
            m,
            Arrays.copyOf(r, n),
            version));
  }

  /** Overlays the latest edit of each interval in the series' span. */
  static void applyEdits(
      Connection c,
      MeterId meter,
      ObisCode obis,
      long[] t,
      double[] v,
      Quality[] q,
      EstimationMethod[] m)
      throws SQLException {
    Map<Long, Integer> index = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Sql.epoch("\"timestamp\"")
                + ", value FROM edits WHERE meter_id = ? AND obis = ? AND \"timestamp\" >= "
                + Sql.TS_PARAM
                + " AND \"timestamp\" <= "
                + Sql.TS_PARAM
                + " ORDER BY edited_at")) {
      ps.setString(1, meter.value());
      ps.setString(2, obis.toString());
      ps.setLong(3, t[0]);
      ps.setLong(4, t[t.length - 1]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (index == null) {
            index = new HashMap<>();
            for (int i = 0; i < t.length; i++) {
              index.put(t[i], i);
            }
          }
          Integer i = index.get(rs.getLong(1));
          if (i != null) {
            v[i] = rs.getDouble(2);
            q[i] = Quality.EDITED;
            m[i] = EstimationMethod.MANUAL;
          }
        }
      }
    }
  }

  static void recordEdit(Connection c, ManualEdit e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO edits (meter_id, obis, \"timestamp\", value, edited_by, reason, edited_at)"
                + " VALUES (?, ?, "
                + Sql.TS_PARAM
                + ", ?, ?, ?, ?)")) {
      ps.setString(1, e.meter().value());
      ps.setString(2, e.obis().toString());
      ps.setLong(3, e.timestamp().getEpochSecond());
      ps.setDouble(4, e.value());
      ps.setString(5, e.user());
      ps.setString(6, e.reason());
      ps.setObject(7, Sql.odt(e.editedAt()));
      ps.executeUpdate();
    }
  }

  static List<ManualEdit> edits(Connection c, MeterId meter) throws SQLException {
    List<ManualEdit> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT obis, "
                + Sql.epoch("\"timestamp\"")
                + ", value, edited_by, reason, edited_at FROM edits WHERE meter_id = ?"
                + " ORDER BY edited_at, \"timestamp\"")) {
      ps.setString(1, meter.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ManualEdit(
                  meter,
                  ObisCode.parse(rs.getString(1)),
                  Instant.ofEpochSecond(rs.getLong(2)),
                  rs.getDouble(3),
                  rs.getString(4),
                  rs.getString(5),
                  Sql.instant(rs, 6)));
        }
      }
    }
    return out;
  }
}

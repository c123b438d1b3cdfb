package io.loadlens.store.internal;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.store.Conflict;
import io.loadlens.store.DeadLetter;
import io.loadlens.store.EventCount;
import io.loadlens.store.InsightRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The small tables: meters, events, conflicts, insights, dead letters. */
final class MetaSql {

  void upsertMeters(Connection c, Collection<MeterInfo> meters) throws SQLException {
    try (PreparedStatement up =
            c.prepareStatement(
                "INSERT INTO meters (meter_id, group_name, feeder, transformer, capacity_kw, zone)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (meter_id) DO UPDATE SET"
                    + " group_name = excluded.group_name, feeder = excluded.feeder,"
                    + " transformer = excluded.transformer, capacity_kw = excluded.capacity_kw,"
                    + " zone = excluded.zone");
        PreparedStatement del =
            c.prepareStatement("DELETE FROM meter_attributes WHERE meter_id = ?");
        PreparedStatement attr =
            c.prepareStatement(
                "INSERT INTO meter_attributes (meter_id, name, value) VALUES (?, ?, ?)")) {
      for (MeterInfo m : meters) {
        up.setString(1, m.id().value());
        up.setString(2, m.group());
        up.setString(3, m.feeder());
        up.setString(4, m.transformer());
        up.setDouble(5, m.capacityKw());
        up.setString(6, m.zone().getId());
        up.executeUpdate();
        del.setString(1, m.id().value());
        del.executeUpdate();
        for (Map.Entry<String, String> e : m.attributes().entrySet()) {
          attr.setString(1, m.id().value());
          attr.setString(2, e.getKey());
          attr.setString(3, e.getValue());
          attr.executeUpdate();
        }
      }
    }
  }

  List<MeterInfo> meters(Connection c, MeterId only) throws SQLException {
    Map<String, Map<String, String>> attrs = new HashMap<>();
    String filter = only == null ? "" : " WHERE meter_id = ?";
    try (PreparedStatement ps =
        c.prepareStatement("SELECT meter_id, name, value FROM meter_attributes" + filter)) {
      if (only != null) {
        ps.setString(1, only.value());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          attrs
              .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    List<MeterInfo> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT meter_id, group_name, feeder, transformer, capacity_kw, zone FROM meters"
                + filter
                + " ORDER BY meter_id")) {
      if (only != null) {
        ps.setString(1, only.value());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          out.add(
              new MeterInfo(
                  MeterId.of(id),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDouble(5),
                  ZoneId.of(rs.getString(6)),
                  attrs.getOrDefault(id, Map.of())));
        }
      }
    }
    return out;
  }

  void recordEvents(Connection c, Collection<MeterEvent> events) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO meter_events (meter_id, kind, start_at, end_at, code, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (MeterEvent e : events) {
        ps.setString(1, e.meter().value());
        ps.setString(2, e.kind().name());
        ps.setObject(3, Sql.odt(e.start()));
        ps.setObject(4, Sql.odt(e.end()));
        ps.setString(5, SqlStore.codeText(e.code()));
        ps.setString(6, e.detail());
        ps.executeUpdate();
      }
    }
  }

  /** Events overlapping [from, to): spans that intersect it, and point events inside it. */
  private static final String OVERLAP =
      " WHERE start_at < ? AND (end_at > ? OR (end_at = start_at AND start_at >= ?))";

  /** Events overlapping [from, to) by start time, at most {@code limit}. */
  List<MeterEvent> events(Connection c, MeterId meter, Instant from, Instant to, int limit)
      throws SQLException {
    return events(c, meter, from, to, limit, "", "start_at, meter_id, kind");
  }

  /** Events with an operator code overlapping [from, to), newest start first. */
  List<MeterEvent> recentErrors(Connection c, Instant from, Instant to, int limit)
      throws SQLException {
    return events(c, null, from, to, limit, " AND code <> ''", "start_at DESC, meter_id, kind");
  }

  private static List<MeterEvent> events(
      Connection c,
      MeterId meter,
      Instant from,
      Instant to,
      int limit,
      String condition,
      String order)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM meter_events"
                + OVERLAP
                + (meter == null ? "" : " AND meter_id = ?")
                + condition
                + " ORDER BY "
                + order
                + " LIMIT ?")) {
      int i = setOverlap(ps, from, to);
      if (meter != null) {
        ps.setString(i++, meter.value());
      }
      ps.setInt(i, Math.max(0, limit));
      return readEvents(ps);
    }
  }

  /**
   * The newest event of each meter among those of {@code kinds} overlapping [from, to), newest
   * first (ties on the start broken by kind and end, so the choice is the same on every run).
   */
  List<MeterEvent> latestEvents(Connection c, Instant from, Instant to, Set<MeterEvent.Kind> kinds)
      throws SQLException {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM (SELECT "
                + EVENT_COLUMNS
                + ", row_number() OVER (PARTITION BY meter_id"
                + " ORDER BY start_at DESC, kind, end_at DESC) AS newest FROM meter_events"
                + OVERLAP
                + " AND kind IN ("
                + in
                + ")) latest WHERE newest = 1 ORDER BY start_at DESC, meter_id")) {
      int i = setOverlap(ps, from, to);
      for (MeterEvent.Kind k : new java.util.TreeSet<>(kinds)) {
        ps.setString(i++, k.name());
      }
      return readEvents(ps);
    }
  }

  private static final String EVENT_COLUMNS = "meter_id, kind, start_at, end_at, code, detail";

  /** The events of a query over {@link #EVENT_COLUMNS}, in its order. */
  private static List<MeterEvent> readEvents(PreparedStatement ps) throws SQLException {
    List<MeterEvent> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString(5);
        out.add(
            new MeterEvent(
                MeterId.of(rs.getString(1)),
                MeterEvent.Kind.valueOf(rs.getString(2)),
                Sql.instant(rs, 3),
                Sql.instant(rs, 4),
                code.isEmpty() ? null : OperatorCode.valueOf(code),
                rs.getString(6)));
      }
    }
    return out;
  }

  /** Counts of the events overlapping [from, to) by code, and by kind where there is no code. */
  List<EventCount> eventCounts(Connection c, Instant from, Instant to) throws SQLException {
    List<EventCount> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code, CASE WHEN code = '' THEN kind ELSE '' END AS k, count(*),"
                + " count(DISTINCT meter_id), max(start_at) FROM meter_events"
                + OVERLAP
                + " GROUP BY code, k ORDER BY code, k")) {
      setOverlap(ps, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String code = rs.getString(1);
          String kind = rs.getString(2);
          out.add(
              new EventCount(
                  code.isEmpty() ? null : OperatorCode.valueOf(code),
                  kind.isEmpty() ? null : MeterEvent.Kind.valueOf(kind),
                  rs.getLong(3),
                  rs.getLong(4),
                  Sql.instant(rs, 5)));
        }
      }
    }
    return out;
  }

  /** Sets the three parameters of {@link #OVERLAP}; returns the index of the next one. */
  private static int setOverlap(PreparedStatement ps, Instant from, Instant to)
      throws SQLException {
    ps.setObject(1, Sql.odt(to));
    ps.setObject(2, Sql.odt(from));
    ps.setObject(3, Sql.odt(from));
    return 4;
  }

  List<Conflict> conflicts(Connection c, MeterId meter) throws SQLException {
    List<Conflict> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT obis, "
                + Sql.epoch("\"timestamp\"")
                + ", stored_value, offered_value, source, seen_at FROM conflicts"
                + " WHERE meter_id = ? ORDER BY \"timestamp\", obis, seen_at, offered_value")) {
      ps.setString(1, meter.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Conflict(
                  meter,
                  ObisCode.parse(rs.getString(1)),
                  Instant.ofEpochSecond(rs.getLong(2)),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getString(5),
                  Sql.instant(rs, 6)));
        }
      }
    }
    return out;
  }

  void putInsight(Connection c, InsightRecord r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO insights (subject, kind, json, computed_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (subject, kind) DO UPDATE SET json = excluded.json,"
                + " computed_at = excluded.computed_at")) {
      ps.setString(1, r.subject());
      ps.setString(2, r.kind());
      ps.setString(3, r.json());
      ps.setObject(4, Sql.odt(r.computedAt()));
      ps.executeUpdate();
    }
  }

  List<InsightRecord> insights(Connection c, String subject, String kind) throws SQLException {
    Map<String, InsightRecord> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT subject, kind, json, computed_at FROM insights WHERE subject = ?"
                + (kind == null ? "" : " AND kind = ?")
                + " ORDER BY kind")) {
      ps.setString(1, subject);
      if (kind != null) {
        ps.setString(2, kind);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(2),
              new InsightRecord(
                  rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4)));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  void recordDeadLetter(Connection c, DeadLetter d) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dead_letters (received_at, source, reason, payload) VALUES (?, ?, ?, ?)")) {
      ps.setObject(1, Sql.odt(d.receivedAt()));
      ps.setString(2, d.source());
      ps.setString(3, d.reason());
      ps.setBytes(4, d.payload());
      ps.executeUpdate();
    }
  }

  List<DeadLetter> deadLetters(Connection c, int limit) throws SQLException {
    List<DeadLetter> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, received_at, source, reason, payload FROM dead_letters"
                + " ORDER BY received_at DESC, id DESC LIMIT ?")) {
      ps.setInt(1, Math.max(0, limit));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DeadLetter(
                  rs.getLong(1),
                  Sql.instant(rs, 2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBytes(5)));
        }
      }
    }
    return out;
  }
}

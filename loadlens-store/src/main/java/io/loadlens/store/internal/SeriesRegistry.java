package io.loadlens.store.internal;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DuckDB store's in-memory copy of the {@code series} table (one integer {@code series_id} per
 * meter and channel) together with the latest raw capture time of each series. Exact because the
 * store's process is the only writer of the file: it is loaded when the store opens and changed
 * only after a write commits ({@link Pending#apply}). Readers use it without a query: the series id
 * for the zone-map-pruned filter, the unit, the channels of a meter, the last capture times.
 *
 * <p>Thread-safe: readers run concurrently with the (single) writer.
 */
public final class SeriesRegistry {

  /** One series: its key, unit, and the latest raw capture (epoch s), or none. */
  public static final class Entry {
    private final int id;
    private final MeterId meter;
    private final ObisCode obis;
    private final Unit unit;
    private volatile long latestRaw;

    Entry(int id, MeterId meter, ObisCode obis, Unit unit, long latestRaw) {
      this.id = id;
      this.meter = meter;
      this.obis = obis;
      this.unit = unit;
      this.latestRaw = latestRaw;
    }

    public int id() {
      return id;
    }

    public MeterId meter() {
      return meter;
    }

    public ObisCode obis() {
      return obis;
    }

    public Unit unit() {
      return unit;
    }

    /** Latest raw capture time (epoch s), {@link Long#MIN_VALUE} when no raw row is stored. */
    public long latestRaw() {
      return latestRaw;
    }

    public boolean hasRaw() {
      return latestRaw != Long.MIN_VALUE;
    }
  }

  private final Map<MeterId, Map<ObisCode, Entry>> byMeter = new ConcurrentHashMap<>();
  private volatile int maxId;

  /** Reads the {@code series} table and the latest raw capture of each series. */
  public static SeriesRegistry load(Connection c) throws SQLException {
    SeriesRegistry r = new SeriesRegistry();
    Map<Integer, Long> latest = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT series_id, "
                    + Sql.epoch("max(\"timestamp\")")
                    + " FROM raw_data GROUP BY series_id")) {
      while (rs.next()) {
        latest.put(rs.getInt(1), rs.getLong(2));
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT series_id, meter_id, obis, unit FROM series")) {
      while (rs.next()) {
        int id = rs.getInt(1);
        r.put(
            new Entry(
                id,
                MeterId.of(rs.getString(2)),
                ObisCode.parse(rs.getString(3)),
                Unit.fromSymbol(rs.getString(4)),
                latest.getOrDefault(id, Long.MIN_VALUE)));
      }
    }
    return r;
  }

  private void put(Entry e) {
    byMeter.computeIfAbsent(e.meter, m -> new ConcurrentHashMap<>()).put(e.obis, e);
    if (e.id > maxId) {
      maxId = e.id;
    }
  }

  public Optional<Entry> find(MeterId meter, ObisCode obis) {
    Map<ObisCode, Entry> m = byMeter.get(meter);
    return Optional.ofNullable(m == null ? null : m.get(obis));
  }

  /** The channels of a meter that have raw rows, sorted. */
  public List<ObisCode> rawChannels(MeterId meter) {
    Map<ObisCode, Entry> m = byMeter.get(meter);
    List<ObisCode> out = new ArrayList<>();
    if (m != null) {
      for (Entry e : m.values()) {
        if (e.hasRaw()) {
          out.add(e.obis);
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** The latest raw capture of every meter that has raw rows of the channel. */
  public Map<MeterId, Instant> latestRaw(ObisCode obis) {
    Map<MeterId, Instant> out = new HashMap<>();
    for (Map<ObisCode, Entry> m : byMeter.values()) {
      Entry e = m.get(obis);
      if (e != null && e.hasRaw()) {
        out.put(e.meter, Instant.ofEpochSecond(e.latestRaw));
      }
    }
    return out;
  }

  /**
   * Changes one write transaction makes to the registry: series created (inserted into the {@code
   * series} table inside the transaction) and raw captures stored. Applied only after the commit.
   */
  public final class Pending {
    private final Map<MeterId, Map<ObisCode, Entry>> created = new HashMap<>();
    private final List<Entry> createdList = new ArrayList<>();
    private final Map<Entry, Long> advanced = new HashMap<>();
    private int next = maxId;

    /**
     * The series, created (in this transaction) when it is new: {@link #insertCreated} must run
     * before the transaction commits. A new series has no raw rows yet.
     */
    public Entry entry(MeterId meter, ObisCode obis, Unit unit) {
      Optional<Entry> known = find(meter, obis);
      if (known.isPresent()) {
        return known.get();
      }
      Map<ObisCode, Entry> m = created.computeIfAbsent(meter, k -> new HashMap<>());
      Entry e = m.get(obis);
      if (e == null) {
        e = new Entry(++next, meter, obis, unit, Long.MIN_VALUE);
        m.put(obis, e);
        createdList.add(e);
      }
      return e;
    }

    /** Records that raw rows up to {@code last} (epoch s) of the series are stored on commit. */
    public void rawStored(Entry e, long last) {
      advanced.merge(e, last, Math::max);
    }

    /** Inserts the series created in this transaction into the {@code series} table. */
    public void insertCreated(Connection c) throws SQLException {
      if (createdList.isEmpty()) {
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO series (series_id, meter_id, obis, unit) VALUES (?, ?, ?, ?)")) {
        for (Entry e : createdList) {
          ps.setInt(1, e.id);
          ps.setString(2, e.meter.value());
          ps.setString(3, e.obis.toString());
          ps.setString(4, e.unit.symbol());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }

    /** Makes the transaction's changes visible; call after the commit. */
    public void apply() {
      for (Entry e : createdList) {
        put(e);
      }
      for (Map.Entry<Entry, Long> a : advanced.entrySet()) {
        Entry e = a.getKey();
        if (a.getValue() > e.latestRaw) {
          e.latestRaw = a.getValue();
        }
      }
    }

    /** Series created in this transaction. */
    public List<Entry> created() {
      return createdList;
    }
  }

  public Pending begin() {
    return new Pending();
  }
}

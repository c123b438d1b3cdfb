package io.loadlens.store.internal;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Conflict;
import io.loadlens.store.DeadLetter;
import io.loadlens.store.EventCount;
import io.loadlens.store.ExportFilter;
import io.loadlens.store.IngestResult;
import io.loadlens.store.InsightRecord;
import io.loadlens.store.ManualEdit;
import io.loadlens.store.Store;
import io.loadlens.store.StoreException;
import io.loadlens.store.StoreUnavailableException;
import io.loadlens.store.StoredValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SQL both backends share. Subclasses bring connections, transactions and the bulk staging path
 * (DuckDB appender, PostgreSQL COPY); everything else is the same SQL on both.
 *
 * <p>Ingest: the call's rows are made key-unique ({@link IngestPlan}), bulk-loaded into a staging
 * table, then moved with one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}. Only when fewer
 * rows were inserted than staged does a join find which were duplicates and which conflicts.
 * Staging, insert and conflict records are one transaction.
 */
public abstract class SqlStore implements Store {

  protected final InstantSource clock;
  private final MetaSql meta = new MetaSql();

  protected SqlStore(InstantSource clock) {
    this.clock = clock;
  }

  /** Runs read-only work on a connection. */
  protected abstract <T> T read(String what, Sql.Work<T> work);

  /** Runs work in one transaction, committed when it returns, rolled back when it throws. */
  protected abstract <T> T write(String what, Sql.Work<T> work);

  /** Called before the ingest transaction starts (e.g. to create partitions). */
  protected void beforeIngest(IngestPlan plan) {}

  protected static StoreException translate(String what, SQLException e) {
    String state = e.getSQLState();
    if (e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"))) {
      return new StoreUnavailableException(what + ": database unavailable: " + e.getMessage(), e);
    }
    return new StoreException(what + ": " + e.getMessage(), e);
  }

  // ---- ingest -------------------------------------------------------------------------------

  @Override
  public IngestResult ingest(List<ReadingBatch> batches) {
    Instant now = clock.instant();
    IngestPlan plan = IngestPlan.of(batches, now);
    if (plan.offered() == 0) {
      return IngestResult.NONE;
    }
    beforeIngest(plan);
    return write(
        "ingest of " + batches.size() + " batches",
        c -> {
          IngestResult r = move(c, plan, now);
          if (!plan.inCallConflicts().isEmpty()) {
            insertConflicts(c, plan.inCallConflicts());
          }
          return new IngestResult(
              plan.offered(),
              r.inserted(),
              r.duplicates() + plan.inCallDuplicates(),
              r.conflicts() + plan.inCallConflicts().size());
        });
  }

  /**
   * Moves the plan's rows into {@code raw_data} inside the ingest transaction, recording re-sent
   * rows with a different value in {@code conflicts}.
   *
   * @return rows inserted, duplicates and conflicts among the staged rows ({@code offered} unused)
   */
  protected abstract IngestResult move(Connection c, IngestPlan plan, Instant now)
      throws SQLException;

  private static void insertConflicts(Connection c, List<Conflict> list) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO conflicts (meter_id, obis, \"timestamp\", stored_value, offered_value,"
                + " source, seen_at) VALUES (?, ?, "
                + Sql.TS_PARAM
                + ", ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (Conflict x : list) {
        ps.setString(1, x.meter().value());
        ps.setString(2, x.obis().toString());
        ps.setLong(3, x.timestamp().getEpochSecond());
        ps.setDouble(4, x.storedValue());
        ps.setDouble(5, x.offeredValue());
        ps.setString(6, x.source());
        ps.setObject(7, Sql.odt(x.seenAt()));
        ps.executeUpdate();
      }
    }
  }

  @Override
  public Optional<Instant> lastCaptureTime(MeterId meter, ObisCode obis) {
    return read(
        "lastCaptureTime of " + meter,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Sql.epoch("max(\"timestamp\")")
                      + " FROM raw_data WHERE meter_id = ? AND obis = ?")) {
            ps.setString(1, meter.value());
            ps.setString(2, obis.toString());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long t = rs.getLong(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(t));
            }
          }
        });
  }

  @Override
  public Map<MeterId, Instant> lastCaptureTimes(ObisCode obis) {
    return read(
        "lastCaptureTimes of " + obis,
        c -> {
          Map<MeterId, Instant> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT meter_id, "
                      + Sql.epoch("max(\"timestamp\")")
                      + " FROM raw_data WHERE obis = ? GROUP BY meter_id")) {
            ps.setString(1, obis.toString());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(MeterId.of(rs.getString(1)), Instant.ofEpochSecond(rs.getLong(2)));
              }
            }
          }
          return out;
        });
  }

  // ---- raw reads ----------------------------------------------------------------------------

  @Override
  public IntervalSeries readRaw(MeterId meter, ObisCode obis, Instant from, Instant to) {
    return read(
        "readRaw " + meter + " " + obis,
        c -> {
          try (PreparedStatement series = c.prepareStatement(RawReader.SERIES_SQL);
              PreparedStatement unit = c.prepareStatement(RawReader.UNIT_SQL)) {
            return RawReader.read(series, unit, meter, obis, from, to);
          }
        });
  }

  @Override
  public List<ObisCode> channels(MeterId meter) {
    return read(
        "channels of " + meter,
        c -> {
          List<ObisCode> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT obis FROM raw_data WHERE meter_id = ? ORDER BY obis")) {
            ps.setString(1, meter.value());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(ObisCode.parse(rs.getString(1)));
              }
            }
          }
          out.sort(null);
          return out;
        });
  }

  @Override
  public long rawRowCount() {
    return read(
        "rawRowCount",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM raw_data");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public IntervalSeries aggregate(ObisCode obis, Instant from, Instant to, Duration bucket) {
    if (bucket.getSeconds() <= 0) {
      throw new IllegalArgumentException("aggregate bucket must be at least 1 s, got " + bucket);
    }
    return read(
        "aggregate " + obis, c -> RawReader.aggregate(c, obis, from, to, bucket.getSeconds()));
  }

  // ---- meter registry -----------------------------------------------------------------------

  @Override
  public void upsertMeters(Collection<MeterInfo> meters) {
    write(
        "upsertMeters",
        c -> {
          meta.upsertMeters(c, meters);
          return null;
        });
  }

  @Override
  public List<MeterInfo> meters() {
    return read("meters", c -> meta.meters(c, null));
  }

  @Override
  public Optional<MeterInfo> meter(MeterId id) {
    return read("meter " + id, c -> meta.meters(c, id).stream().findFirst());
  }

  // ---- VEE ----------------------------------------------------------------------------------

  @Override
  public void replaceValidated(ValidatedSeries series) {
    write(
        "replaceValidated " + series.meter() + " " + series.obis(),
        c -> {
          ValidatedSql.replace(c, series);
          return null;
        });
  }

  @Override
  public void replaceValidated(Collection<ValidatedSeries> series) {
    if (series.isEmpty()) {
      return;
    }
    write(
        "replaceValidated (" + series.size() + " series)",
        c -> {
          for (ValidatedSeries s : series) {
            ValidatedSql.replace(c, s);
          }
          return null;
        });
  }

  @Override
  public Optional<ValidatedSeries> readValidated(
      MeterId meter, ObisCode obis, Instant from, Instant to) {
    return read(
        "readValidated " + meter + " " + obis, c -> ValidatedSql.read(c, meter, obis, from, to));
  }

  @Override
  public void recordEdit(ManualEdit edit) {
    write(
        "recordEdit " + edit.meter(),
        c -> {
          ValidatedSql.recordEdit(c, edit);
          return null;
        });
  }

  @Override
  public List<ManualEdit> edits(MeterId meter) {
    return read("edits of " + meter, c -> ValidatedSql.edits(c, meter));
  }

  // ---- events, conflicts --------------------------------------------------------------------

  @Override
  public void recordEvents(Collection<MeterEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    write(
        "recordEvents",
        c -> {
          meta.recordEvents(c, events);
          return null;
        });
  }

  @Override
  public List<MeterEvent> events(MeterId meter, Instant from, Instant to) {
    return read("events of " + meter, c -> meta.events(c, meter, from, to, Integer.MAX_VALUE));
  }

  @Override
  public List<MeterEvent> events(Instant from, Instant to, int limit) {
    return read("events", c -> meta.events(c, null, from, to, limit));
  }

  @Override
  public List<MeterEvent> recentErrors(Instant from, Instant to, int limit) {
    return read("recent errors", c -> meta.recentErrors(c, from, to, limit));
  }

  @Override
  public List<MeterEvent> latestEvents(Instant from, Instant to, Set<MeterEvent.Kind> kinds) {
    return read("latest events", c -> meta.latestEvents(c, from, to, kinds));
  }

  @Override
  public List<EventCount> eventCounts(Instant from, Instant to) {
    return read("event counts", c -> meta.eventCounts(c, from, to));
  }

  @Override
  public List<Conflict> conflicts(MeterId meter) {
    return read("conflicts of " + meter, c -> meta.conflicts(c, meter));
  }

  // ---- insights, dead letters ---------------------------------------------------------------

  @Override
  public void putInsight(String subject, String kind, String json, Instant computedAt) {
    write(
        "putInsight " + subject + "/" + kind,
        c -> {
          meta.putInsight(c, new InsightRecord(subject, kind, json, computedAt));
          return null;
        });
  }

  @Override
  public void putInsights(Collection<InsightRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    write(
        "putInsights (" + records.size() + ")",
        c -> {
          for (InsightRecord r : records) {
            meta.putInsight(c, r);
          }
          return null;
        });
  }

  @Override
  public Optional<InsightRecord> insight(String subject, String kind) {
    return read(
        "insight " + subject + "/" + kind,
        c -> meta.insights(c, subject, kind).stream().findFirst());
  }

  @Override
  public List<InsightRecord> insights(String subject) {
    return read("insights of " + subject, c -> meta.insights(c, subject, null));
  }

  @Override
  public void recordDeadLetter(Instant receivedAt, String source, String reason, byte[] payload) {
    write(
        "recordDeadLetter from " + source,
        c -> {
          meta.recordDeadLetter(c, new DeadLetter(0, receivedAt, source, reason, payload));
          return null;
        });
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return read("deadLetters", c -> meta.deadLetters(c, limit));
  }

  @Override
  public void exportValues(ExportFilter filter, Consumer<StoredValue> sink) {
    read(
        "export",
        c -> {
          RawReader.export(c, filter, sink);
          return null;
        });
  }

  static String codeText(OperatorCode code) {
    return code == null ? "" : code.name();
  }

  static Unit unit(String symbol) {
    return Unit.fromSymbol(symbol);
  }
}

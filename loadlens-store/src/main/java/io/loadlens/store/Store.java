package io.loadlens.store;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.ValidatedSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The time-series store every other part of loadlens reads and writes through. Implementations:
 * DuckDB (embedded default) and PostgreSQL/TimescaleDB. Thread-safe.
 *
 * <p>Writes are idempotent on {@code (meter, obis, capture time)}: a re-sent batch never duplicates
 * a row; a re-sent row with a different value is kept out of {@code raw_data} and recorded as a
 * {@link Conflict}. Each call that writes is atomic.
 *
 * <p>Time ranges are half-open: {@code from} inclusive, {@code to} exclusive.
 */
public interface Store extends AutoCloseable {

  // ---- ingest -------------------------------------------------------------------------------

  /** Writes the batches in one transaction. Re-sent rows are counted, not written again. */
  IngestResult ingest(List<ReadingBatch> batches);

  /** The latest capture time stored for the meter and channel, if any. */
  Optional<Instant> lastCaptureTime(MeterId meter, ObisCode obis);

  /** The latest capture time of every meter that has the channel. */
  Map<MeterId, Instant> lastCaptureTimes(ObisCode obis);

  // ---- raw reads ----------------------------------------------------------------------------

  /** The raw rows of one channel in {@code [from, to)}, sorted by time. */
  IntervalSeries readRaw(MeterId meter, ObisCode obis, Instant from, Instant to);

  /** The channels stored for a meter. */
  List<ObisCode> channels(MeterId meter);

  /** Number of rows in {@code raw_data}. */
  long rawRowCount();

  /**
   * The fleet sum of validated interval values of a channel per time bucket, over {@code [from,
   * to)}; times are bucket starts.
   */
  IntervalSeries aggregate(ObisCode obis, Instant from, Instant to, Duration bucket);

  // ---- meter registry -----------------------------------------------------------------------

  void upsertMeters(Collection<MeterInfo> meters);

  List<MeterInfo> meters();

  Optional<MeterInfo> meter(MeterId id);

  // ---- VEE ----------------------------------------------------------------------------------

  /**
   * Replaces the VEE output stored for the series' meter and channel over the span the series
   * covers with this series (re-running VEE is idempotent). Raw data is untouched.
   */
  void replaceValidated(ValidatedSeries series);

  /**
   * Replaces several validated series in one transaction (a VEE run over many meters writes in
   * chunks this way: one commit instead of one per series).
   */
  default void replaceValidated(Collection<ValidatedSeries> series) {
    for (ValidatedSeries s : series) {
      replaceValidated(s);
    }
  }

  /** The VEE output of one channel in {@code [from, to)}; empty when VEE has not run. */
  Optional<ValidatedSeries> readValidated(MeterId meter, ObisCode obis, Instant from, Instant to);

  /** Records a manual edit (audited); the edited value is applied to the validated series. */
  void recordEdit(ManualEdit edit);

  List<ManualEdit> edits(MeterId meter);

  // ---- events, gaps, conflicts --------------------------------------------------------------

  void recordEvents(Collection<MeterEvent> events);

  /** Events of one meter that overlap {@code [from, to)}, by start time. */
  List<MeterEvent> events(MeterId meter, Instant from, Instant to);

  /** Events of all meters that overlap {@code [from, to)}, by start time, at most {@code limit}. */
  List<MeterEvent> events(Instant from, Instant to, int limit);

  /**
   * Events with an operator code (read errors, hardware faults, missing profile entries) that
   * overlap {@code [from, to)}, newest start first, at most {@code limit}: however many findings
   * without a code the window also holds.
   */
  List<MeterEvent> recentErrors(Instant from, Instant to, int limit);

  /**
   * The newest event of each meter among the events of the given kinds that overlap {@code [from,
   * to)}, newest start first: one row per meter however many events the window holds (which meters
   * are failing now, and with what).
   */
  List<MeterEvent> latestEvents(Instant from, Instant to, Set<MeterEvent.Kind> kinds);

  /**
   * The events that overlap {@code [from, to)}, counted by the database however many there are: one
   * {@link EventCount} per operator code, and one per kind for events without a code.
   */
  List<EventCount> eventCounts(Instant from, Instant to);

  /** Rows that were re-sent with a different value, for one meter. */
  List<Conflict> conflicts(MeterId meter);

  // ---- insights -----------------------------------------------------------------------------

  /**
   * Stores an insight document (JSON) under a subject (a meter id, or {@code "fleet"}) and a kind
   * (e.g. {@code "summary"}, {@code "peaks"}, {@code "segments"}), replacing an earlier one.
   */
  void putInsight(String subject, String kind, String json, Instant computedAt);

  /** Stores several insight documents in one transaction, each replacing an earlier one. */
  default void putInsights(Collection<InsightRecord> records) {
    for (InsightRecord r : records) {
      putInsight(r.subject(), r.kind(), r.json(), r.computedAt());
    }
  }

  Optional<InsightRecord> insight(String subject, String kind);

  /** All insight documents of one subject. */
  List<InsightRecord> insights(String subject);

  // ---- dead letters -------------------------------------------------------------------------

  /**
   * Keeps a message the ingest side could not decode or store, with why, so nothing received is
   * dropped silently.
   */
  void recordDeadLetter(Instant receivedAt, String source, String reason, byte[] payload);

  /** The newest dead letters first, at most {@code limit}. */
  List<DeadLetter> deadLetters(int limit);

  // ---- export -------------------------------------------------------------------------------

  /**
   * Streams every stored value the filter selects to the sink, sorted by meter, channel and time:
   * raw rows, then (with {@link ExportFilter#includeEstimated()}) the estimated and edited values
   * of the VEE output, each with its quality and method.
   */
  void exportValues(ExportFilter filter, Consumer<StoredValue> sink);

  @Override
  void close();
}

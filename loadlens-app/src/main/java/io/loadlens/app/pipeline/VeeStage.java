package io.loadlens.app.pipeline;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Store;
import io.loadlens.vee.FleetSummary;
import io.loadlens.vee.ManualEdit;
import io.loadlens.vee.VeeEngine;
import io.loadlens.vee.VeeInput;
import io.loadlens.vee.VeeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs VEE over stored meters: reads each meter's raw energy channels, validates and estimates
 * them, and stores the validated series and findings beside the raw data (which is never changed).
 * Meters run in parallel; re-running over the same span replaces the earlier output.
 */
public final class VeeStage {
  /** Raw channels VEE reads, in order of preference per direction. */
  static final List<ObisCode> ENERGY_CHANNELS =
      List.of(
          ObisCode.ACTIVE_ENERGY_IMPORT,
          ObisCode.ACTIVE_ENERGY_EXPORT,
          ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
          ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL);

  /** Meters validated in parallel and then written in one transaction. */
  static final int CHUNK = 64;

  private final Store store;
  private final VeeEngine engine;

  public VeeStage(Store store, VeeEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** What a run did. */
  public record Outcome(int meters, int metersWithoutData, FleetSummary summary, long findings) {}

  /**
   * Validates the given meters over {@code [from, to)}. {@code from} may be null: each meter then
   * starts at its first stored capture. {@code to} may be null: the latest capture of the fleet.
   * {@code interval} may be null: each meter on its own capture period ({@link CaptureInterval}).
   */
  public Outcome run(
      List<MeterInfo> meters, Instant from, Instant to, Duration interval, Progress progress) {
    boolean throughLast = to == null;
    Instant end = to != null ? to : fleetEnd();
    progress.start("VEE", meters.size());
    FleetSummary fleet = FleetSummary.empty();
    int empty = 0;
    long findings = 0;
    for (int i = 0; i < meters.size(); i += CHUNK) {
      List<MeterInfo> chunk = meters.subList(i, Math.min(meters.size(), i + CHUNK));
      List<Optional<VeeResult>> results =
          chunk.parallelStream()
              .map(
                  m -> {
                    Optional<VeeResult> r = validate(m, from, end, throughLast, interval);
                    progress.step();
                    return r;
                  })
              .toList();
      List<ValidatedSeries> series = new ArrayList<>();
      List<MeterEvent> events = new ArrayList<>();
      for (Optional<VeeResult> r : results) {
        if (r.isEmpty()) {
          empty++;
          continue;
        }
        series.addAll(r.get().series());
        events.addAll(r.get().findings());
        fleet = fleet.plus(r.get().summary());
      }
      store.replaceValidated(series);
      if (!events.isEmpty()) {
        store.recordEvents(events);
      }
      findings += events.size();
    }
    progress.done();
    return new Outcome(meters.size(), empty, fleet, findings);
  }

  /**
   * Validates one meter and stores its output; empty when it has no energy data in the span. {@code
   * to} may be null: through the fleet's latest capture. {@code interval} may be null: the meter's
   * own capture period.
   */
  public Optional<VeeResult> runOne(MeterInfo meter, Instant from, Instant to, Duration interval) {
    Optional<VeeResult> r =
        validate(meter, from, to != null ? to : fleetEnd(), to == null, interval);
    r.ifPresent(
        result -> {
          store.replaceValidated(result.series());
          if (!result.findings().isEmpty()) {
            store.recordEvents(result.findings());
          }
        });
    return r;
  }

  /**
   * Validates one meter without storing; empty when it has no energy data in the span.
   *
   * @param to the end of the span, exclusive; with {@code throughLast} the latest capture, which
   *     for interval rows (stamped at the interval's start) is the start of the last interval
   */
  private Optional<VeeResult> validate(
      MeterInfo meter, Instant from, Instant to, boolean throughLast, Duration interval) {
    Instant wide = from != null ? from : Instant.EPOCH;
    List<IntervalSeries> channels = new ArrayList<>();
    for (ObisCode obis : store.channels(meter.id())) {
      if (ENERGY_CHANNELS.contains(obis)) {
        IntervalSeries s = store.readRaw(meter.id(), obis, wide, to.plusSeconds(1));
        if (!s.isEmpty()) {
          channels.add(s);
        }
      }
    }
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    Duration step = interval != null ? interval : CaptureInterval.of(channels);
    Instant start = from != null ? alignDown(from, step) : firstCapture(channels, step);
    boolean intervalRows = channels.stream().allMatch(c -> c.obis().d() == 29);
    Instant end = alignDown(to, step);
    if (throughLast && intervalRows) {
      end = end.plus(step);
    }
    if (!end.isAfter(start)) {
      return Optional.empty();
    }
    VeeInput input =
        new VeeInput(
            meter,
            channels,
            step,
            start,
            end,
            intervalRows ? VeeInput.RowTime.INTERVAL_START : VeeInput.RowTime.INTERVAL_END,
            List.of(),
            null,
            edits(meter.id()));
    return Optional.of(engine.run(input));
  }

  private List<ManualEdit> edits(MeterId meter) {
    List<ManualEdit> out = new ArrayList<>();
    for (io.loadlens.store.ManualEdit e : store.edits(meter)) {
      out.add(new ManualEdit(e.obis(), e.timestamp(), e.value(), e.user(), e.reason()));
    }
    return out;
  }

  private static Instant firstCapture(List<IntervalSeries> channels, Duration interval) {
    long first = Long.MAX_VALUE;
    for (IntervalSeries c : channels) {
      first = Math.min(first, c.epochSeconds()[0]);
    }
    return alignDown(Instant.ofEpochSecond(first), interval);
  }

  private Instant fleetEnd() {
    Instant last = Instant.EPOCH;
    for (ObisCode obis : ENERGY_CHANNELS) {
      for (Instant t : store.lastCaptureTimes(obis).values()) {
        if (t.isAfter(last)) {
          last = t;
        }
      }
    }
    return last;
  }

  static Instant alignDown(Instant t, Duration interval) {
    long s = interval.getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s)
        .atOffset(ZoneOffset.UTC)
        .toInstant();
  }
}

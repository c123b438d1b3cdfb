package io.loadlens.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.server.auth.Role;
import io.loadlens.store.EventCount;
import io.loadlens.store.InsightRecord;
import io.loadlens.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Fleet-wide operations: overview, aggregates, segments, forecasts. */
public final class FleetOperations {

  /** The insight subject of fleet documents. */
  public static final String FLEET = "fleet";

  /** Completeness is computed over at most this many meters per call (the first by id). */
  public static final int COMPLETENESS_SAMPLE = 2000;

  private final Store store;
  private final Clock clock;
  private final MeterOperations meters;

  public FleetOperations(Store store, Clock clock, MeterOperations meters) {
    this.store = store;
    this.clock = clock;
    this.meters = meters;
  }

  public List<Operation> operations() {
    return List.of(
        new Operation("fleet.overview", Role.ANALYST, false, this::overview),
        new Operation("fleet.aggregate", Role.ANALYST, false, this::aggregate),
        new Operation(
            "fleet.segments",
            Role.ANALYST,
            false,
            c -> field("segments", List.of("segments"), List.of("segmentation", "segments"))),
        new Operation(
            "fleet.forecast", Role.ANALYST, false, c -> field("forecast", List.of("forecast"))),
        new Operation("fleet.insights", Role.ANALYST, false, c -> fleetDocs()));
  }

  /**
   * The raw energy channel the fleet has: interval energy (imported data) or, for meters read over
   * DLMS, the cumulative import register their load profiles capture.
   */
  static ObisCode rawEnergyChannel(Store store) {
    for (ObisCode o :
        List.of(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, ObisCode.ACTIVE_ENERGY_IMPORT)) {
      if (!store.lastCaptureTimes(o).isEmpty()) {
        return o;
      }
    }
    return MeterOperations.DEFAULT_OBIS;
  }

  /** The latest capture over the fleet, or now: the default end of fleet ranges. */
  private Instant latest(ObisCode obis) {
    return store.lastCaptureTimes(obis).values().stream()
        .max(Instant::compareTo)
        .map(t -> t.plusSeconds(1))
        .orElse(clock.instant());
  }

  private Object overview(Call c) {
    ObisCode obis = Params.obis(c.args(), rawEnergyChannel(store));
    Instant end = latest(obis);
    Params.Range r = Params.range(c.args(), end.minus(Duration.ofDays(7)), end);
    List<MeterInfo> all = store.meters();
    Map<MeterId, Instant> last = store.lastCaptureTimes(obis);
    long readInRange = last.values().stream().filter(t -> !t.isBefore(r.from())).count();
    List<Double> completeness = new ArrayList<>();
    for (MeterInfo m : all.subList(0, Math.min(all.size(), COMPLETENESS_SAMPLE))) {
      completeness.add(completeness(store.readRaw(m.id(), obis, r.from(), r.to()), r));
    }
    double mean = completeness.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    int[] histogram = new int[10];
    for (double x : completeness) {
      histogram[Math.min(9, (int) (x * 10))]++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", r.from());
    out.put("to", r.to());
    out.put("obis", obis.toString());
    out.put("meters", all.size());
    out.put("metersRead", readInRange);
    out.put("completenessMean", mean);
    out.put("completenessHistogram", histogram);
    out.put("completenessSample", completeness.size());
    out.put("failuresByCode", failuresByCode(store.eventCounts(r.from(), r.to())));
    return out;
  }

  /** Share of the expected intervals present; the interval is inferred from the data. */
  static double completeness(IntervalSeries s, Params.Range r) {
    if (s.size() < 2) {
      return s.isEmpty()
          ? 0
          : 1.0 / Math.max(1, Duration.between(r.from(), r.to()).toMinutes() / 15);
    }
    long step = Long.MAX_VALUE;
    for (int i = 1; i < Math.min(s.size(), 100); i++) {
      step = Math.min(step, s.epochSeconds()[i] - s.epochSeconds()[i - 1]);
    }
    long expected = Math.max(1, Duration.between(r.from(), r.to()).toSeconds() / step);
    return Math.min(1.0, (double) s.size() / expected);
  }

  /**
   * Failures counted by operator code label ({@code 0x05 AUTHENTICATION_FAILURE}), events without a
   * code by kind; counted by the store, so a long period costs no more than a short one.
   */
  static Map<String, Long> failuresByCode(List<EventCount> counts) {
    Map<String, Long> out = new TreeMap<>();
    for (EventCount c : counts) {
      out.merge(c.label(), c.events(), Long::sum);
    }
    return out;
  }

  private Object aggregate(Call c) {
    ObisCode obis = Params.obis(c.args(), MeterOperations.DEFAULT_OBIS);
    Instant end = latest(obis);
    Params.Range r = Params.range(c.args(), end.minus(Duration.ofDays(7)), end);
    Duration bucket = Params.duration(c.args(), "bucket", Duration.ofHours(1));
    IntervalSeries s = store.aggregate(obis, r.from(), r.to(), bucket);
    int peak = -1;
    for (int i = 0; i < s.size(); i++) {
      if (peak < 0 || s.values()[i] > s.values()[peak]) {
        peak = i;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("obis", obis.toString());
    out.put("unit", s.unit().symbol());
    out.put("bucketSeconds", bucket.toSeconds());
    out.put("from", r.from());
    out.put("to", r.to());
    out.put("t", s.epochSeconds());
    out.put("v", s.values());
    out.put(
        "coincidentPeak",
        peak < 0 ? null : Map.of("time", s.time(peak), "value", s.values()[peak]));
    return out;
  }

  private List<InsightRecord> fleetRecords() {
    return store.insights(FLEET);
  }

  private Object fleetDocs() {
    return fleetRecords().stream().map(meters::view).toList();
  }

  /**
   * A named part of the fleet insights: its own document kind, or the first of the field paths
   * found in any fleet document (e.g. {@code segmentation.segments} as the insights engine writes
   * it).
   */
  @SafeVarargs
  private Object field(String name, List<String>... paths) {
    Optional<InsightRecord> own = store.insight(FLEET, name);
    if (own.isPresent()) {
      return meters.view(own.get());
    }
    for (InsightRecord r : fleetRecords()) {
      MeterOperations.InsightView v = meters.view(r);
      for (List<String> path : paths) {
        JsonNode f = v.document();
        for (String step : path) {
          f = f == null ? null : f.get(step);
        }
        if (f != null && !f.isNull()) {
          return new MeterOperations.InsightView(FLEET, name, v.computedAt(), f);
        }
      }
    }
    throw ApiException.notFound("no fleet " + name + " computed yet");
  }
}

package io.loadlens.app.pipeline;

import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.InsightRecord;
import io.loadlens.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes every consumer's insights from validated data and stores each as a JSON document
 * (subject = meter id, kind {@value #CONSUMER_KIND}). Meters run in parallel.
 */
public final class InsightStage {
  public static final String CONSUMER_KIND = "consumer";

  /** Consumers analysed in parallel and then stored in one transaction. */
  static final int CHUNK = 64;

  public static final String FLEET_SUBJECT = "fleet";
  public static final String FLEET_KIND = "fleet";
  public static final String SEGMENTS_KIND = "segments";

  /** Each consumer's own segment (subject = meter id), readable with the meter's own token. */
  public static final String SEGMENT_KIND = "segment";

  static final List<ObisCode> VOLTAGES =
      List.of(ObisCode.VOLTAGE_L1, ObisCode.VOLTAGE_L2, ObisCode.VOLTAGE_L3);

  private final Store store;
  private final InsightConfig config;
  private final InstantSource clock;

  public InsightStage(Store store, InsightConfig config, InstantSource clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
  }

  /** A consumer's insights and its summary for the fleet analysis. */
  public record Analysed(ConsumerInsights insights, ConsumerProfileSummary profile) {}

  /**
   * Analyses the meters over the grid's span and returns their insights (also stored), each with
   * its profile summary placed on the grid for {@link #fleet}.
   */
  public List<Analysed> run(List<MeterInfo> meters, FleetGrid grid, Progress progress) {
    Instant from = grid.time(0);
    Instant to = grid.time(grid.steps());
    progress.start("insights", meters.size());
    List<Analysed> out = new ArrayList<>();
    for (int i = 0; i < meters.size(); i += CHUNK) {
      List<Analysed> chunk =
          meters.subList(i, Math.min(meters.size(), i + CHUNK)).parallelStream()
              .map(
                  m -> {
                    Optional<Analysed> a = analyse(m, from, to, grid);
                    progress.step();
                    return a;
                  })
              .flatMap(Optional::stream)
              .toList();
      Instant now = clock.instant();
      store.putInsights(
          chunk.stream()
              .map(
                  a ->
                      new InsightRecord(
                          a.insights().meterId(), CONSUMER_KIND, Json.write(a.insights()), now))
              .toList());
      out.addAll(chunk);
    }
    progress.done();
    out.sort(java.util.Comparator.comparing(a -> a.insights().meterId()));
    return out;
  }

  /**
   * Segments the analysed consumers and computes the fleet's aggregate load, coincident peak and
   * forecast; stores the result under subject {@value #FLEET_SUBJECT} as kinds {@value #FLEET_KIND}
   * and {@value #SEGMENTS_KIND}, and each member's segment under its meter id as kind {@value
   * #SEGMENT_KIND}.
   */
  public Optional<FleetInsights> fleet(List<Analysed> consumers, FleetGrid grid, ZoneId zone) {
    if (consumers.isEmpty()) {
      return Optional.empty();
    }
    FleetInsights f =
        FleetAnalysis.analyse(
            consumers.stream().map(Analysed::profile).toList(), FleetConfig.defaults(grid, zone));
    Instant now = clock.instant();
    store.putInsight(FLEET_SUBJECT, FLEET_KIND, Json.write(f), now);
    store.putInsight(FLEET_SUBJECT, SEGMENTS_KIND, Json.write(f.segmentation().segments()), now);
    store.putInsights(memberships(f.segmentation(), consumers.size(), now));
    return Optional.of(f);
  }

  /**
   * The segment a consumer belongs to, as the consumer view shows it: which consumers it looks
   * like, without naming them.
   *
   * @param segment the segment's id in the fleet's segmentation
   * @param label the segment's name ("evening peakers, out 08:00–18:00 on weekdays")
   * @param size how many consumers the segment holds
   * @param consumers how many consumers were segmented
   * @param routineShape the segment's routine centre (weekday hours, then weekend hours)
   * @param centroidShape the segment's mean day (normalised, 24 hours)
   * @param meanAnnualKwh the members' mean annual consumption
   */
  public record SegmentMembership(
      int segment,
      String label,
      int size,
      int consumers,
      double[] routineShape,
      double[] centroidShape,
      double meanAnnualKwh) {}

  static List<InsightRecord> memberships(
      FleetInsights.Segmentation segmentation, int consumers, Instant now) {
    List<InsightRecord> out = new ArrayList<>();
    for (FleetInsights.Segment s : segmentation.segments()) {
      String json =
          Json.write(
              new SegmentMembership(
                  s.id(),
                  s.label(),
                  s.size(),
                  consumers,
                  s.routineShape(),
                  s.centroidShape(),
                  s.meanAnnualKwh()));
      for (String meter : s.members()) {
        out.add(new InsightRecord(meter, SEGMENT_KIND, json, now));
      }
    }
    return out;
  }

  /** The grid of {@code [from, to)} in steps of {@code interval}. */
  public static FleetGrid grid(Instant from, Instant to, Duration interval) {
    long step = interval.getSeconds();
    int steps = (int) ((to.getEpochSecond() - from.getEpochSecond()) / step);
    return new FleetGrid(from.getEpochSecond(), (int) step, steps);
  }

  /** One consumer, not stored; empty when VEE has produced no validated import series for it. */
  public Optional<Analysed> analyse(MeterInfo meter, Instant from, Instant to, FleetGrid grid) {
    Optional<ValidatedSeries> imp =
        store.readValidated(meter.id(), ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, from, to);
    if (imp.isEmpty() || imp.get().size() == 0) {
      return Optional.empty();
    }
    ConsumerInput input = ConsumerInput.of(imp.get(), meter.zone());
    Optional<ValidatedSeries> exp =
        store.readValidated(meter.id(), ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL, from, to);
    if (exp.isPresent() && exp.get().size() > 0) {
      input = input.withExport(asSeries(exp.get()));
    }
    List<IntervalSeries> volts = new ArrayList<>();
    List<ObisCode> channels = store.channels(meter.id());
    for (ObisCode v : VOLTAGES) {
      if (channels.contains(v)) {
        IntervalSeries s = store.readRaw(meter.id(), v, from, to);
        if (!s.isEmpty()) {
          volts.add(s);
        }
      }
    }
    if (!volts.isEmpty()) {
      input = input.withVoltages(volts);
    }
    ConsumerInsights insights = InsightEngine.analyse(input, config);
    return Optional.of(
        new Analysed(
            insights, ConsumerProfileSummary.of(imp.get(), insights, meter.feeder(), grid)));
  }

  /** A validated series as a plain series (missing intervals left out). */
  static IntervalSeries asSeries(ValidatedSeries v) {
    int n = 0;
    for (double x : v.values()) {
      if (!Double.isNaN(x)) {
        n++;
      }
    }
    long[] t = new long[n];
    double[] x = new double[n];
    int j = 0;
    for (int i = 0; i < v.size(); i++) {
      if (!Double.isNaN(v.values()[i])) {
        t[j] = v.epochSeconds()[i];
        x[j++] = v.values()[i];
      }
    }
    return IntervalSeries.of(v.meter(), v.obis(), v.unit(), t, x);
  }
}

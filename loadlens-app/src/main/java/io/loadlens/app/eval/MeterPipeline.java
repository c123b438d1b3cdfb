package io.loadlens.app.eval;

import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.meter.SimulatedMeter;
import io.loadlens.vee.VeeEngine;
import io.loadlens.vee.VeeInput;
import io.loadlens.vee.VeeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One simulated meter through the production path without sockets: the meter's load-profile rows
 * (cumulative import and export registers, Wh, with status bytes) as the collector stores them, VEE
 * to validated interval energy, then the insight engine, as {@code InsightStage} calls it.
 */
final class MeterPipeline {
  /** Column order of the simulator's load profile 1-0:99.1.0.255: 1.8.0, 2.8.0, 1.5.0. */
  private static final int IMPORT_COLUMN = 0;

  private static final int EXPORT_COLUMN = 1;

  private final VeeEngine vee;
  private final InsightConfig config;
  private final Duration interval;
  private final Instant from;
  private final Instant to;
  private final FleetGrid grid;

  MeterPipeline(
      VeeEngine vee,
      InsightConfig config,
      Duration interval,
      Instant from,
      Instant to,
      FleetGrid grid) {
    this.vee = vee;
    this.config = config;
    this.interval = interval;
    this.from = from;
    this.to = to;
    this.grid = grid;
  }

  /** What one meter produced. */
  record Analysed(
      FleetMeter meter,
      ConsumerInsights insights,
      ConsumerProfileSummary profile,
      int estimatedIntervals,
      int missingIntervals) {}

  /** Runs one meter; empty when the meter returned no rows in the span. */
  Optional<Analysed> run(FleetMeter m) {
    SimulatedMeter data = m.data();
    MeterId id = m.identity().id();
    // rows with capture times in (from - 1 interval, to]: the first row gives the register at from
    ProfileRows rows = data.rows(ObisCode.LOAD_PROFILE_1, from.minus(interval).plusSeconds(1), to);
    if (rows.size() < 2) {
      return Optional.empty();
    }
    List<IntervalSeries> channels =
        List.of(
            register(id, ObisCode.ACTIVE_ENERGY_IMPORT, rows, IMPORT_COLUMN),
            register(id, ObisCode.ACTIVE_ENERGY_EXPORT, rows, EXPORT_COLUMN));
    MeterInfo info = MeterInfo.of(id, data.zone());
    VeeResult result =
        vee.run(
            new VeeInput(
                info,
                channels,
                interval,
                from,
                to,
                VeeInput.RowTime.INTERVAL_END,
                List.of(),
                null,
                List.of()));
    Optional<ValidatedSeries> imp = result.series(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL);
    if (imp.isEmpty() || imp.get().size() == 0) {
      return Optional.empty();
    }
    ConsumerInput input = ConsumerInput.of(imp.get(), data.zone());
    Optional<ValidatedSeries> exp = result.series(ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL);
    if (exp.isPresent() && exp.get().size() > 0) {
      input = input.withExport(withoutMissing(exp.get()));
    }
    ConsumerInsights insights = InsightEngine.analyse(input, config);
    ConsumerProfileSummary profile = ConsumerProfileSummary.of(imp.get(), insights, null, grid);
    return Optional.of(
        new Analysed(
            m,
            insights,
            profile,
            imp.get().count(io.loadlens.model.Quality.ESTIMATED),
            imp.get().count(io.loadlens.model.Quality.MISSING)));
  }

  private static IntervalSeries register(MeterId id, ObisCode obis, ProfileRows rows, int column) {
    long[] raw = rows.values()[column];
    double[] wh = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      wh[i] = raw[i]; // scaler 0: the register is in Wh (SIMULATOR.md, "What a meter serves")
    }
    return new IntervalSeries(id, obis, Unit.WATT_HOUR, rows.epochSeconds(), wh, rows.status());
  }

  /** A validated series as a plain series with missing intervals left out (as InsightStage). */
  static IntervalSeries withoutMissing(ValidatedSeries v) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!Double.isNaN(v.values()[i])) {
        keep.add(i);
      }
    }
    long[] t = new long[keep.size()];
    double[] x = new double[keep.size()];
    for (int j = 0; j < keep.size(); j++) {
      t[j] = v.epochSeconds()[keep.get(j)];
      x[j] = v.values()[keep.get(j)];
    }
    return IntervalSeries.of(v.meter(), v.obis(), v.unit(), t, x);
  }
}

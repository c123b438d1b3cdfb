package io.loadlens.app.pipeline;

import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.store.Store;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Computes every consumer's insights from validated data and stores each as a JSON document
 * (subject = meter id, kind {@value #CONSUMER_KIND}). Meters run in parallel.
 */
public final class InsightStage {
  public static final String CONSUMER_KIND = "consumer";

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

  /** Analyses the meters over {@code [from, to)} and returns their insights (also stored). */
  public List<ConsumerInsights> run(
      List<MeterInfo> meters, Instant from, Instant to, Progress progress) {
    progress.start("insights", meters.size());
    List<ConsumerInsights> out = Collections.synchronizedList(new ArrayList<>());
    meters.parallelStream()
        .forEach(
            m -> {
              analyse(m, from, to).ifPresent(out::add);
              progress.step();
            });
    progress.done();
    out.sort(java.util.Comparator.comparing(ConsumerInsights::meterId));
    return out;
  }

  /** One consumer; empty when VEE has produced no validated import series for it. */
  public Optional<ConsumerInsights> analyse(MeterInfo meter, Instant from, Instant to) {
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
    store.putInsight(meter.id().value(), CONSUMER_KIND, Json.write(insights), clock.instant());
    return Optional.of(insights);
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

package io.loadlens.app.eval;

import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.Forecast;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.simulator.FleetMeter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultSpec;
import io.loadlens.simulator.household.Household;
import io.loadlens.vee.VeeConfig;
import io.loadlens.vee.VeeEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores the insight engine against the simulator's ground truth: a fleet of simulated households
 * (known archetype and appliances) goes through the production path without sockets (load-profile
 * rows of cumulative registers → VEE → insight engine, one consumer per task on every core), then
 * per appliance kind precision, recall and F1, the segmentation's adjusted Rand index against the
 * archetypes, and the next-day forecast backtest errors.
 *
 * <p>The span ends at local midnight of {@link #END_DATE} in {@link #ZONE} so runs are
 * reproducible; with 365 days it is calendar 2025, every season once (the heating detector without
 * temperatures compares winter and summer with spring and autumn).
 *
 * <pre>
 * java -cp "loadlens-app/target/loadlens-app.jar:loadlens-app/target/lib/*" \
 *     io.loadlens.app.eval.SimulatedFleetEvaluation 1000 365 42 [faults]
 * </pre>
 */
public final class SimulatedFleetEvaluation {
  /** Central European climate (the simulator's for every non-Australian zone), with DST. */
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  static final LocalDate END_DATE = LocalDate.of(2026, 1, 1);
  static final Duration INTERVAL = Duration.ofMinutes(15);

  /** Misclassified households kept per appliance question and error type. */
  static final int EXAMPLES = 12;

  private SimulatedFleetEvaluation() {}

  /** One misclassified household. */
  public record Miss(
      String meterId,
      String question,
      boolean falsePositive,
      String archetype,
      double confidence,
      String evidence,
      String trueAppliances,
      String otherDetections) {}

  /** Forecast backtest errors over consumers. */
  public record ForecastErrors(
      int consumers,
      double meanMapePercent,
      double medianMapePercent,
      double meanNmaePercent,
      double medianNmaePercent,
      double meanWapePercent,
      double medianWapePercent,
      double meanDailyMapePercent,
      double medianDailyMapePercent,
      double fleetMapePercent,
      double fleetNmaePercent,
      double fleetWapePercent,
      double fleetDailyMapePercent) {}

  /** Everything a run measured. */
  public record Result(
      int meters,
      int days,
      long seed,
      String faults,
      int analysed,
      int excluded,
      long estimatedIntervals,
      long missingIntervals,
      long totalIntervals,
      Map<String, BinaryCounts> detection,
      Map<String, DetectorDiagnostics> diagnostics,
      double adjustedRandIndex,
      FleetInsights.Segmentation segmentation,
      Map<String, Map<String, Integer>> archetypeBySegment,
      ForecastErrors forecast,
      List<Miss> misses,
      double pipelineSeconds,
      double fleetSeconds,
      double processCpuSeconds) {}

  public static void main(String[] args) {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: SimulatedFleetEvaluation <meters> <days> <seed> [faults|none]");
      System.exit(2);
    }
    int meters = Integer.parseInt(args[0]);
    int days = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    FaultSpec faults =
        args.length == 4 && !args[3].equals("none") ? FaultSpec.parse(args[3]) : FaultSpec.none();
    String faultText = args.length == 4 ? args[3] : "none";
    Result r = run(meters, days, seed, faults, faultText);
    System.out.print(EvaluationReport.markdown(r));
  }

  /** A fault-free fleet. */
  public static Result run(int meters, int days, long seed) {
    return run(meters, days, seed, FaultSpec.none(), "none");
  }

  /**
   * A fleet with faults. Meters that a collector could not read at all (offline, wrong key) are
   * left out and counted in {@link Result#excluded}; transient transport faults do not change the
   * rows and have no effect here.
   */
  public static Result run(int meters, int days, long seed, FaultSpec faults, String faultText) {
    Instant end = END_DATE.atStartOfDay(ZONE).toInstant();
    FleetSpec spec =
        new FleetSpec(
            meters,
            days,
            (int) INTERVAL.toMinutes(),
            SecurityLevel.NONE,
            Framing.WRAPPER,
            "127.1.0.1",
            FleetSpec.DLMS_PORT,
            faults,
            seed,
            ZONE);
    List<FleetMeter> fleet = SimulatedFleet.build(spec, Clock.fixed(end, ZONE));
    Instant installStart = END_DATE.minusDays(days).atStartOfDay(ZONE).toInstant();
    // the meter's first row is one interval after the install instant: it starts the first interval
    Instant from = installStart.plus(INTERVAL);
    FleetGrid grid =
        new FleetGrid(
            installStart.getEpochSecond(),
            3600,
            (int) ((end.getEpochSecond() - installStart.getEpochSecond()) / 3600));
    MeterPipeline pipeline =
        new MeterPipeline(
            new VeeEngine(VeeConfig.defaults()),
            InsightConfig.defaults(),
            INTERVAL,
            from,
            end,
            grid);
    List<FleetMeter> readable =
        fleet.stream()
            .filter(
                m ->
                    !m.faults().contains(FaultKind.OFFLINE)
                        && !m.faults().contains(FaultKind.WRONG_KEY))
            .toList();
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    List<MeterPipeline.Analysed> analysed =
        readable.parallelStream()
            .map(
                m -> {
                  Optional<MeterPipeline.Analysed> a = pipeline.run(m);
                  int n = done.incrementAndGet();
                  if (n % 100 == 0) {
                    System.err.printf("%d / %d meters analysed%n", n, readable.size());
                  }
                  return a;
                })
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(a -> a.meter().identity().id().value()))
            .toList();
    double pipelineSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    FleetInsights fleetInsights =
        FleetAnalysis.analyse(
            analysed.stream().map(MeterPipeline.Analysed::profile).toList(),
            FleetConfig.defaults(grid, ZONE));
    double fleetSeconds = (System.nanoTime() - t1) / 1e9;
    long estimated = 0;
    long missing = 0;
    for (MeterPipeline.Analysed a : analysed) {
      estimated += a.estimatedIntervals();
      missing += a.missingIntervals();
    }
    long total = (long) analysed.size() * ((end.getEpochSecond() - from.getEpochSecond()) / 900);
    Map<String, Integer> segmentOf = segmentOf(fleetInsights.segmentation());
    return new Result(
        meters,
        days,
        seed,
        faultText,
        analysed.size(),
        fleet.size() - analysed.size(),
        estimated,
        missing,
        total,
        detection(analysed),
        DetectorDiagnostics.of(analysed),
        adjustedRandIndex(analysed, segmentOf),
        fleetInsights.segmentation(),
        contingency(analysed, segmentOf, fleetInsights.segmentation()),
        forecastErrors(analysed, fleetInsights.forecast()),
        misses(analysed),
        pipelineSeconds,
        fleetSeconds,
        ProcessHandle.current()
            .info()
            .totalCpuDuration()
            .map(d -> d.toMillis() / 1e3)
            .orElse(Double.NaN));
  }

  static Map<String, BinaryCounts> detection(List<MeterPipeline.Analysed> analysed) {
    Map<String, BinaryCounts> out = new LinkedHashMap<>();
    for (GroundTruthLabels q : GroundTruthLabels.values()) {
      BinaryCounts c = BinaryCounts.empty();
      for (MeterPipeline.Analysed a : analysed) {
        c = c.add(q.present(household(a)), a.insights().appliance(q.detector()).detected());
      }
      out.put(q.label(), c);
    }
    return out;
  }

  private static Household household(MeterPipeline.Analysed a) {
    return a.meter().data().household();
  }

  private static Map<String, Integer> segmentOf(FleetInsights.Segmentation s) {
    Map<String, Integer> out = new HashMap<>();
    for (FleetInsights.Segment seg : s.segments()) {
      for (String m : seg.members()) {
        out.put(m, seg.id());
      }
    }
    return out;
  }

  static double adjustedRandIndex(
      List<MeterPipeline.Analysed> analysed, Map<String, Integer> segmentOf) {
    List<String> archetypes = new ArrayList<>();
    List<Integer> segments = new ArrayList<>();
    for (MeterPipeline.Analysed a : analysed) {
      String id = a.meter().identity().id().value();
      archetypes.add(household(a).archetype().label());
      segments.add(segmentOf.getOrDefault(id, -1));
    }
    return AdjustedRand.index(archetypes, segments);
  }

  private static Map<String, Map<String, Integer>> contingency(
      List<MeterPipeline.Analysed> analysed,
      Map<String, Integer> segmentOf,
      FleetInsights.Segmentation s) {
    Map<Integer, String> label = new HashMap<>();
    s.segments().forEach(seg -> label.put(seg.id(), seg.id() + ": " + seg.label()));
    Map<String, Map<String, Integer>> out = new java.util.TreeMap<>();
    for (MeterPipeline.Analysed a : analysed) {
      String arch = household(a).archetype().label();
      String seg =
          label.getOrDefault(segmentOf.getOrDefault(a.meter().identity().id().value(), -1), "none");
      out.computeIfAbsent(arch, k -> new java.util.TreeMap<>()).merge(seg, 1, Integer::sum);
    }
    return out;
  }

  static ForecastErrors forecastErrors(List<MeterPipeline.Analysed> analysed, Forecast fleet) {
    double[] mape = metric(analysed, Forecast::mapePercent);
    double[] nmae = metric(analysed, Forecast::nmaePercent);
    double[] wape = metric(analysed, Forecast::wapePercent);
    double[] daily = metric(analysed, Forecast::dailyMapePercent);
    return new ForecastErrors(
        mape.length,
        mean(mape),
        median(mape),
        mean(nmae),
        median(nmae),
        mean(wape),
        median(wape),
        mean(daily),
        median(daily),
        fleet == null ? Double.NaN : fleet.mapePercent(),
        fleet == null ? Double.NaN : fleet.nmaePercent(),
        fleet == null ? Double.NaN : fleet.wapePercent(),
        fleet == null ? Double.NaN : fleet.dailyMapePercent());
  }

  private static double[] metric(
      List<MeterPipeline.Analysed> analysed, java.util.function.ToDoubleFunction<Forecast> f) {
    return analysed.stream()
        .map(a -> a.insights().forecast())
        .filter(x -> x != null && Double.isFinite(f.applyAsDouble(x)))
        .mapToDouble(f)
        .toArray();
  }

  static double mean(double[] x) {
    return x.length == 0 ? Double.NaN : Arrays.stream(x).sum() / x.length;
  }

  static double median(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double[] s = x.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static List<Miss> misses(List<MeterPipeline.Analysed> analysed) {
    List<Miss> out = new ArrayList<>();
    Map<GroundTruthLabels, int[]> shown = new EnumMap<>(GroundTruthLabels.class);
    for (MeterPipeline.Analysed a : analysed) {
      Household h = household(a);
      for (GroundTruthLabels q : GroundTruthLabels.values()) {
        ApplianceDetection d = a.insights().appliance(q.detector());
        boolean present = q.present(h);
        if (present == d.detected()) {
          continue;
        }
        int[] counts = shown.computeIfAbsent(q, k -> new int[2]);
        int type = d.detected() ? 1 : 0;
        if (counts[type]++ >= EXAMPLES) {
          continue;
        }
        out.add(
            new Miss(
                a.meter().identity().id().value(),
                q.label(),
                d.detected(),
                h.archetype().label(),
                d.confidence(),
                d.evidence(),
                GroundTruthLabels.majorAppliances(h),
                otherDetections(a, q)));
      }
    }
    return out;
  }

  private static String otherDetections(MeterPipeline.Analysed a, GroundTruthLabels q) {
    List<String> out = new ArrayList<>();
    for (ApplianceDetection d : a.insights().appliances()) {
      if (d.kind() != q.detector() && d.detected()) {
        out.add(d.kind() + " " + d.confidence());
      }
    }
    return String.join(", ", out);
  }
}

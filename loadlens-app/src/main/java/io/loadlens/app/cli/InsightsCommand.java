package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.CaptureInterval;
import io.loadlens.app.pipeline.InsightStage;
import io.loadlens.app.pipeline.InsightSummary;
import io.loadlens.app.pipeline.Json;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens insights}: compute and store consumer and fleet insights from validated data. */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    description = {
      "Compute consumer and fleet insights from validated data (run vee first), store and print them.",
      "Without --from/--to: the 30 days that end at the latest stored capture."
    })
public final class InsightsCommand implements Callable<Integer> {
  static final int DEFAULT_DAYS = 30;

  @Mixin DataOptions data;
  @Mixin Selection selection;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      description =
          "Step of the fleet's time grid in minutes (default: the meters' capture period, the"
              + " coarsest where they differ).")
  Integer intervalMinutes;

  @Option(names = "--json", description = "Print the insights as JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (intervalMinutes != null && intervalMinutes <= 0) {
      throw new IllegalArgumentException("--interval must be positive, got " + intervalMinutes);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = data.openStore()) {
      List<MeterInfo> meters = selection.meters(store);
      Duration interval =
          intervalMinutes != null
              ? Duration.ofMinutes(intervalMinutes)
              : CaptureInterval.coarsest(store, meters);
      Instant to = selection.to() != null ? selection.to() : latestCapture(store, interval);
      if (to == null) {
        out.println("No data in the store yet: run ingest-profile, import or demo first.");
        return Main.EXIT_OK;
      }
      Instant from =
          selection.from() != null ? selection.from() : to.minus(Duration.ofDays(DEFAULT_DAYS));
      FleetGrid grid = InsightStage.grid(from, to, interval);
      InsightStage stage =
          new InsightStage(store, InsightConfig.defaults(), InstantSource.system());
      List<InsightStage.Analysed> all = stage.run(meters, grid, ConsoleProgress.forTerminal());
      ZoneId zone = meters.isEmpty() ? ZoneId.of("UTC") : meters.get(0).zone();
      Optional<FleetInsights> fleet =
          selection.meter == null ? stage.fleet(all, grid, zone) : Optional.empty();
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("consumers", all.stream().map(InsightStage.Analysed::insights).toList());
        doc.put("fleet", fleet.orElse(null));
        out.println(Json.pretty(doc));
      } else {
        for (InsightStage.Analysed a : all) {
          out.println(a.insights().meterId() + ":");
          a.insights().headline().forEach(h -> out.println("  " + h));
        }
        InsightSummary.print(out, all, fleet);
      }
      out.flush();
    }
    return Main.EXIT_OK;
  }

  static Instant latestCapture(Store store, Duration interval) {
    Instant last = null;
    for (ObisCode obis :
        List.of(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL)) {
      for (Instant t : store.lastCaptureTimes(obis).values()) {
        if (last == null || t.isAfter(last)) {
          last = t;
        }
      }
    }
    if (last == null) {
      return null;
    }
    long s = interval.getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(last.getEpochSecond(), s) * s);
  }
}

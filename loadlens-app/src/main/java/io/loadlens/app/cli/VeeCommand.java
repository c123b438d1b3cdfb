package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.Json;
import io.loadlens.app.pipeline.VeeStage;
import io.loadlens.model.EstimationMethod;
import io.loadlens.model.Quality;
import io.loadlens.store.Store;
import io.loadlens.vee.FleetSummary;
import io.loadlens.vee.ValidationReason;
import io.loadlens.vee.VeeConfig;
import io.loadlens.vee.VeeEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens vee}: validate and estimate stored interval data. */
@Command(
    name = "vee",
    mixinStandardHelpOptions = true,
    description = "Validate, estimate and edit interval data (VEE); raw data is never changed.")
public final class VeeCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin Selection selection;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      description =
          "Capture period in minutes (default: each meter's own, from the spacing of its stored"
              + " rows).")
  Integer intervalMinutes;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (intervalMinutes != null && intervalMinutes <= 0) {
      throw new IllegalArgumentException("--interval must be positive, got " + intervalMinutes);
    }
    try (Store store = data.openStore()) {
      VeeStage stage = new VeeStage(store, new VeeEngine(veeConfig(data)));
      VeeStage.Outcome o =
          stage.run(
              selection.meters(store),
              selection.from(),
              selection.to(),
              intervalMinutes == null ? null : Duration.ofMinutes(intervalMinutes),
              ConsoleProgress.forTerminal());
      print(spec.commandLine().getOut(), o, json);
    }
    return Main.EXIT_OK;
  }

  static VeeConfig veeConfig(DataOptions data) {
    return VeeConfig.builder()
        .interpolationLimit(Duration.ofMinutes(data.config().vee().interpolationLimitMinutes()))
        .build();
  }

  static void print(PrintWriter out, VeeStage.Outcome o, boolean json) {
    FleetSummary f = o.summary();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("meters", o.meters());
      m.put("metersWithoutData", o.metersWithoutData());
      m.put("findings", o.findings());
      Map<String, Long> q = new LinkedHashMap<>();
      for (Quality x : Quality.values()) {
        q.put(x.name(), f.count(x));
      }
      m.put("intervalsByQuality", q);
      Map<String, Long> me = new LinkedHashMap<>();
      for (EstimationMethod x : EstimationMethod.values()) {
        me.put(x.name(), f.count(x));
      }
      m.put("estimatesByMethod", me);
      Map<String, Long> r = new LinkedHashMap<>();
      for (ValidationReason x : ValidationReason.values()) {
        r.put(x.name(), f.count(x));
      }
      m.put("intervalsByCheck", r);
      m.put("estimatedPercent", f.estimatedPercent());
      out.println(Json.pretty(m));
      return;
    }
    out.printf(
        "VEE %s: %d meters (%d without data), %d findings%n",
        VeeEngine.VEE_VERSION, o.meters(), o.metersWithoutData(), o.findings());
    out.printf(
        "  intervals: %d valid, %d suspect, %d estimated (%.2f %%), %d edited, %d missing%n",
        f.count(Quality.VALID),
        f.count(Quality.SUSPECT),
        f.count(Quality.ESTIMATED),
        f.estimatedPercent(),
        f.count(Quality.EDITED),
        f.count(Quality.MISSING));
    StringBuilder methods = new StringBuilder();
    for (EstimationMethod x : EstimationMethod.values()) {
      if (f.count(x) > 0) {
        methods.append(' ').append(x.name()).append('=').append(f.count(x));
      }
    }
    out.println("  estimates by method:" + (methods.isEmpty() ? " none" : methods));
    StringBuilder checks = new StringBuilder();
    for (ValidationReason x : ValidationReason.values()) {
      if (f.count(x) > 0) {
        checks.append(' ').append(x.name()).append('=').append(f.count(x));
      }
    }
    out.println("  flagged by check:" + (checks.isEmpty() ? " none" : checks));
    out.flush();
  }
}

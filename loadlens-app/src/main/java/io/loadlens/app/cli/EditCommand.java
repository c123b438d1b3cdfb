package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.CaptureInterval;
import io.loadlens.app.pipeline.VeeStage;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.store.ManualEdit;
import io.loadlens.store.Store;
import io.loadlens.vee.VeeEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens edit}: a manual correction of one interval, with who and why. The edit is audited
 * in the store, raw data is untouched, and VEE is re-run for the meter so the validated series
 * carries the edit (quality EDITED, method MANUAL).
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description =
        "Set one interval's validated value by hand, with --user and --reason (audited; raw data is kept).")
public final class EditCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(names = "--meter", required = true, paramLabel = "ID")
  String meter;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "ISO",
      description = "Start of the interval, e.g. 2026-03-01T10:15:00Z.")
  String at;

  @Option(
      names = "--value",
      required = true,
      paramLabel = "WH",
      description = "The interval's energy in Wh.")
  double value;

  @Option(
      names = "--obis",
      defaultValue = "1-0:1.29.0.255",
      paramLabel = "CODE",
      description = "Interval channel (default ${DEFAULT-VALUE}).")
  String obis;

  @Option(names = "--user", required = true, paramLabel = "NAME")
  String user;

  @Option(names = "--reason", required = true, paramLabel = "TEXT")
  String reason;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      description =
          "Capture period in minutes (default: the meter's own, from the spacing of its stored"
              + " rows).")
  Integer intervalMinutes;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    MeterId id;
    ObisCode code;
    try {
      id = MeterId.of(meter);
      code = ObisCode.parse(obis);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    Instant t = Selection.parse("--at", at);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = data.openStore()) {
      MeterInfo info =
          store
              .meter(id)
              .orElseThrow(
                  () -> new ConfigException("--meter: no meter '" + meter + "' in the store"));
      ManualEdit edit;
      try {
        edit = new ManualEdit(id, code, t, value, user, reason, Instant.now());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      store.recordEdit(edit);
      Duration interval =
          intervalMinutes != null
              ? Duration.ofMinutes(intervalMinutes)
              : CaptureInterval.of(store, info);
      new VeeStage(store, new VeeEngine(VeeCommand.veeConfig(data)))
          .runOne(info, null, InsightsCommand.latestCapture(store, interval), interval);
      out.printf(
          "Edited %s %s at %s: %.3f Wh by %s (%s); VEE re-run for the meter.%n",
          id, code, t, value, user, reason);
    }
    return Main.EXIT_OK;
  }
}

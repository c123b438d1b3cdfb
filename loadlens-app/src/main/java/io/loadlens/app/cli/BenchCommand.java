package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.Json;
import io.loadlens.collector.bench.CollectorBenchmark;
import io.loadlens.insights.bench.InsightBenchmark;
import io.loadlens.simulator.SimulatorBenchmark;
import io.loadlens.store.bench.IngestBenchmark;
import io.loadlens.vee.bench.VeeBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens bench}: throughput benchmarks of the fleet, collection, ingest, VEE and insights,
 * each printing its figures as JSON. The figures in docs/BENCHMARKS.md come from these commands.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Throughput benchmarks; each prints its figures as JSON (see docs/BENCHMARKS.md).",
    subcommands = {
      BenchCommand.Demo.class,
      BenchCommand.Fleet.class,
      BenchCommand.Collector.class,
      BenchCommand.Ingest.class,
      BenchCommand.Vee.class,
      BenchCommand.Insights.class
    })
public final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The main job on a fresh temporary data directory, timed end to end. */
  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "Time the whole demo (simulate, collect, store, VEE, insights, report) on a fresh data directory.")
  static final class Demo implements Callable<Integer> {
    @Option(names = "--meters", defaultValue = "1000")
    int meters;

    @Option(names = "--days", defaultValue = "30")
    int days;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Path dir = Files.createTempDirectory("loadlens-bench-demo");
      long t0 = System.nanoTime();
      int code =
          Main.commandLine()
              .execute(
                  "demo",
                  "--quiet",
                  "--meters",
                  String.valueOf(meters),
                  "--days",
                  String.valueOf(days),
                  "--data",
                  dir.toString(),
                  "--first-address",
                  "127.10.0.1");
      double seconds = (System.nanoTime() - t0) / 1e9;
      spec.commandLine()
          .getOut()
          .println(
              Json.pretty(
                  java.util.Map.of(
                      "meters",
                      meters,
                      "days",
                      days,
                      "exitCode",
                      code,
                      "seconds",
                      seconds,
                      "dataDir",
                      dir.toString())));
      return code;
    }
  }

  @Command(
      name = "fleet",
      mixinStandardHelpOptions = true,
      description = "Start-up time and memory of a simulated fleet.")
  static final class Fleet implements Callable<Integer> {
    @Option(names = "--meters", defaultValue = "1000")
    int meters;

    @Option(names = "--days", defaultValue = "60")
    int days;

    @Option(names = "--first-address", defaultValue = "127.200.0.1")
    String first;

    @Override
    public Integer call() throws Exception {
      SimulatorBenchmark.main(new String[] {String.valueOf(meters), String.valueOf(days), first});
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "collector",
      mixinStandardHelpOptions = true,
      description =
          "One collection pass over N simulated HLS-GMAC meters (one day of 15-minute rows each).")
  static final class Collector implements Callable<Integer> {
    @Option(names = "--meters", defaultValue = "10000")
    int meters;

    @Option(names = "--max-connections", defaultValue = "512")
    int maxConnections;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .println(Json.pretty(CollectorBenchmark.run(meters, maxConnections)));
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description =
          "Idempotent ingest of meters × rows into a store, then the same rows again, then meter-year reads.")
  static final class Ingest implements Callable<Integer> {
    @Option(
        names = "--store",
        description = "Store URL (default: a DuckDB file in a temporary directory).")
    String store;

    @Option(names = "--meters", defaultValue = "10000")
    int meters;

    @Option(names = "--rows", defaultValue = "1000")
    int rows;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      String url =
          store != null
              ? store
              : "duckdb:"
                  + Files.createTempDirectory("loadlens-bench-ingest").resolve("bench.duckdb");
      IngestBenchmark.Config std = IngestBenchmark.Config.standard(url);
      IngestBenchmark.Config c =
          new IngestBenchmark.Config(url, meters, rows, std.metersPerCall(), std.reads());
      spec.commandLine().getOut().println(Json.pretty(IngestBenchmark.run(c)));
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "vee",
      mixinStandardHelpOptions = true,
      description = "VEE over N synthetic meters × D days of 15-minute data.")
  static final class Vee implements Callable<Integer> {
    @Option(names = "--meters", defaultValue = "10000")
    int meters;

    @Option(names = "--days", defaultValue = "365")
    int days;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(Json.pretty(VeeBenchmark.run(meters, days)));
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "insights",
      mixinStandardHelpOptions = true,
      description =
          "The full per-consumer insight set over N synthetic meters × D days, then segmentation.")
  static final class Insights implements Callable<Integer> {
    @Option(names = "--meters", defaultValue = "10000")
    int meters;

    @Option(names = "--days", defaultValue = "365")
    int days;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      spec.commandLine().getOut().println(Json.pretty(InsightBenchmark.run(meters, days)));
      return Main.EXIT_OK;
    }
  }
}

package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.pipeline.CollectionPipeline;
import io.loadlens.app.pipeline.InsightStage;
import io.loadlens.app.pipeline.InsightSummary;
import io.loadlens.app.pipeline.Progress;
import io.loadlens.app.pipeline.VeeStage;
import io.loadlens.collector.CollectionListener;
import io.loadlens.collector.IngestLog;
import io.loadlens.collector.MeterOutcome;
import io.loadlens.collector.PassSummary;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.FleetDefaults;
import io.loadlens.collector.config.FleetFiles;
import io.loadlens.collector.dlms.DlmsMeterReader;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.Quality;
import io.loadlens.server.report.PdfReportWriter;
import io.loadlens.server.report.ReportWriter;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.SimulatedFleet;
import io.loadlens.store.Store;
import io.loadlens.vee.VeeEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens demo}: the main job on the embedded default. A simulated fleet of DLMS meters on
 * loopback is read by the head-end, the readings travel through the durable outbox and the
 * in-process transport into DuckDB, VEE validates and estimates them, insights are computed, and an
 * HTML report is written. The simulated clocks stand at the start of the current UTC day, so a
 * second run on the same day reads the same history and stores nothing new.
 */
@Command(
    name = "demo",
    header = "The main job, end to end, with no servers needed.",
    mixinStandardHelpOptions = true,
    description = {
      "The main job, end to end, with no servers needed: simulate a fleet, collect it over DLMS,",
      "store, validate and estimate (VEE), compute insights and write ./data/report/index.html."
    })
public final class DemoCommand implements Callable<Integer> {
  /**
   * A realistic mix: some outages and missing entries to estimate, a few broken meters to report.
   */
  static final String DEFAULT_FAULTS =
      "outage=0.04,missing-entries=0.04,hardware-fault=0.01,wrong-key=0.01,slow=0.01,drop-mid-block=0.01,corrupt-fcs=0.01,offline=0.01,clock-skew=0.01";

  @Mixin DataOptions data;
  @Mixin FleetOptions fleet;

  @Option(
      names = "--serve",
      description = "Keep the HTTPS API and dashboard running afterwards and print the URL.")
  boolean serve;

  @Option(
      names = "--quiet",
      description = "Do not print a line per meter (they still go to <data>/log/ingest.log).")
  boolean quiet;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    FleetSpec fs = fleet.spec(DEFAULT_FAULTS);
    Path dir = data.dataDir();
    Instant anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), anchor));
    Duration interval = Duration.ofMinutes(fs.intervalMinutes());
    long t0 = System.nanoTime();
    out.printf(
        "loadlens demo: %d meters, %d days of %d-minute profiles, DLMS over TCP (%s, %s), data in %s%n",
        fs.meters(), fs.days(), fs.intervalMinutes(), fs.framing(), fs.security(), dir);
    out.flush();
    try (SimulatedFleet sim = SimulatedFleet.start(fs, clock, dir.resolve("fleet"));
        Store store = data.openStore();
        CollectionPipeline pipeline = CollectionPipeline.embedded(store, dir, clock)) {
      out.printf(
          "Simulated fleet up: %d meters from %s port %d (%s)%n",
          fs.meters(), fs.firstAddress(), fs.port(), seconds(t0));
      FleetConfig cfg = FleetFiles.read(sim.fleetFile(), FleetDefaults.STANDARD);
      store.upsertMeters(
          cfg.meters().stream()
              .map(m -> new MeterInfo(m.id(), m.group(), "", "", 0, fs.zone(), Map.of()))
              .toList());

      long t1 = System.nanoTime();
      CollectionPipeline.Result collected =
          pipeline.pass(
              pipeline.collector(
                  cfg,
                  new DlmsMeterReader(cfg.clientSystemTitle()),
                  IngestProfileCommand.settings(data).withInitialDays(fs.days() + 1),
                  dir.resolve("state"),
                  clock,
                  meterLines(out, quiet)),
              cfg.meters());
      printCollection(out, collected, seconds(t1));

      Instant from = anchor.minus(Duration.ofDays(fs.days()));
      List<MeterInfo> meters = store.meters();
      long t2 = System.nanoTime();
      VeeStage.Outcome vee =
          new VeeStage(store, new VeeEngine(VeeCommand.veeConfig(data)))
              .run(meters, from, anchor, interval, Progress.NONE);
      out.printf(
          Locale.ROOT,
          "VEE %s: %d intervals estimated (%.2f %%), %d missing, %d suspect, %d findings (%s)%n",
          VeeEngine.VEE_VERSION,
          vee.summary().count(Quality.ESTIMATED),
          vee.summary().estimatedPercent(),
          vee.summary().count(Quality.MISSING),
          vee.summary().count(Quality.SUSPECT),
          vee.findings(),
          seconds(t2));

      long t3 = System.nanoTime();
      FleetGrid grid = InsightStage.grid(from, anchor, interval);
      InsightStage insights = new InsightStage(store, InsightConfig.defaults(), clock);
      List<InsightStage.Analysed> analysed =
          insights.run(meters, grid, ConsoleProgress.forTerminal());
      Optional<FleetInsights> fleetInsights = insights.fleet(analysed, grid, fs.zone());
      out.printf("Insights: %d consumers analysed (%s)%n", analysed.size(), seconds(t3));
      InsightSummary.print(out, analysed, fleetInsights);

      Path report = new ReportWriter(store, clock).writeFleet(dir.resolve("report"));
      Path pdf = new PdfReportWriter(store, clock).writeFleet(dir.resolve("report/report.pdf"));
      out.printf(
          "Report: %s (PDF: %s)%n",
          report.toAbsolutePath().normalize(), pdf.toAbsolutePath().normalize());
      out.printf("Rows in raw_data: %d. Done in %s.%n", store.rawRowCount(), seconds(t0));
      out.flush();
      if (serve) {
        ServeCommand.serveUntilInterrupted(data, store, out);
      }
    }
    return Main.EXIT_OK;
  }

  /**
   * Prints a line per meter, or (with {@code quiet}) only failures and a progress bar on a
   * terminal.
   */
  static CollectionListener meterLines(PrintWriter out, boolean quiet) {
    Progress bar = quiet ? ConsoleProgress.forTerminal() : Progress.NONE;
    return new CollectionListener() {
      @Override
      public void passStarted(int meters) {
        bar.start("collect", meters);
      }

      @Override
      public void passFinished(PassSummary summary) {
        bar.done();
      }

      @Override
      public void meterFinished(MeterOutcome o) {
        bar.step();
        if (!quiet || !o.ok()) {
          synchronized (out) {
            out.println(IngestLog.line(o));
          }
        }
      }
    };
  }

  static void printCollection(PrintWriter out, CollectionPipeline.Result r, String took) {
    PassSummary s = r.collection();
    StringBuilder failures = new StringBuilder();
    s.failedByCode()
        .forEach(
            (code, n) ->
                failures
                    .append(failures.isEmpty() ? "" : ", ")
                    .append(code.label())
                    .append(' ')
                    .append(code.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ")
                    .append(n)
                    .append(
                        code == OperatorCode.HARDWARE_FAULT
                            ? " (rows stored; those with the error status are SUSPECT)"
                            : ""));
    out.printf(
        "Collected %d of %d meters (%s): %d rows read, %d new in raw_data, %d already stored, %d conflicts; %d gaps (0x09)%s%n",
        s.ok(),
        s.meters(),
        took,
        s.rows(),
        r.ingest().inserted(),
        r.ingest().duplicates(),
        r.ingest().conflicts(),
        s.gaps(),
        failures.isEmpty() ? "" : "; failed: " + failures);
    out.flush();
  }

  static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}

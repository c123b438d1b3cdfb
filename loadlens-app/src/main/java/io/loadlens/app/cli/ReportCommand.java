package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.model.MeterId;
import io.loadlens.server.report.PdfReportWriter;
import io.loadlens.server.report.ReportWriter;
import io.loadlens.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens report}: a self-contained HTML report for the fleet or one consumer, and with
 * {@code --pdf} the fleet report as a PDF.
 */
@Command(
    name = "report",
    header = "Write a self-contained HTML (and PDF) report for the fleet or one meter.",
    mixinStandardHelpOptions = true,
    description = {
      "Write a self-contained HTML report (charts inlined) for the fleet or one meter;",
      "with --pdf also the fleet report as a PDF (vector charts, selectable text): <out>/report.pdf."
    })
public final class ReportCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(names = "--meter", paramLabel = "ID", description = "Report on one consumer.")
  String meter;

  @Option(names = "--fleet", description = "Report on the fleet (the default).")
  boolean fleet;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default <data>/report).")
  Path out;

  @Option(names = "--pdf", description = "Also write the fleet report as <out>/report.pdf.")
  boolean pdf;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (meter != null && fleet) {
      throw new ConfigException("give --meter ID or --fleet, not both");
    }
    if (meter != null && pdf) {
      throw new ConfigException("--pdf is for the fleet report; a meter's report is HTML only");
    }
    Path dir = out != null ? out : data.dataDir().resolve("report");
    try (Store store = data.openStore()) {
      ReportWriter writer = new ReportWriter(store, Clock.systemUTC());
      Path file;
      if (meter != null) {
        MeterId id;
        try {
          id = MeterId.of(meter);
        } catch (IllegalArgumentException e) {
          throw new ConfigException("--meter: " + e.getMessage(), e);
        }
        if (store.meter(id).isEmpty() && store.channels(id).isEmpty()) {
          throw new ConfigException("--meter: no meter '" + meter + "' in the store");
        }
        file = writer.writeMeter(id, dir);
      } else {
        file = writer.writeFleet(dir);
      }
      spec.commandLine().getOut().println("Report: " + file.toAbsolutePath().normalize());
      if (pdf) {
        Path pdfFile =
            new PdfReportWriter(store, Clock.systemUTC()).writeFleet(dir.resolve("report.pdf"));
        spec.commandLine().getOut().println("PDF: " + pdfFile.toAbsolutePath().normalize());
      }
    }
    return Main.EXIT_OK;
  }
}

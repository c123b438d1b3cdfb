package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.model.MeterId;
import io.loadlens.store.ExportFilter;
import io.loadlens.store.Exporter;
import io.loadlens.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens export}: stored values as CSV or Parquet. */
@Command(
    name = "export",
    header = "Export stored values as CSV.",
    mixinStandardHelpOptions = true,
    description = {
      "Export stored values as CSV (meter_id,obis,timestamp,value,unit,quality,... one row per value,",
      "estimates included with their quality and method) or Parquet, to a file or standard output."
    })
public final class ExportCommand implements Callable<Integer> {
  @Mixin DataOptions data;
  @Mixin Selection selection;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "FORMAT",
      description = "csv or parquet (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file (default: standard output; Parquet needs a file).")
  Path out;

  @Option(names = "--raw-only", description = "Leave out the VEE estimates.")
  boolean rawOnly;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Exporter.Format f;
    try {
      f = Exporter.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format: " + e.getMessage(), e);
    }
    MeterId meter = null;
    if (selection.meter != null) {
      try {
        meter = MeterId.of(selection.meter);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--meter: " + e.getMessage(), e);
      }
    }
    ExportFilter filter = new ExportFilter(meter, selection.from(), selection.to(), !rawOnly);
    try (Store store = data.openStore()) {
      Exporter exporter = new Exporter(store);
      long rows;
      if (out != null) {
        rows = exporter.export(filter, f, out);
        spec.commandLine().getErr().println("Exported " + rows + " rows to " + out);
      } else {
        if (f == Exporter.Format.PARQUET) {
          throw new ConfigException("--format parquet needs --out FILE");
        }
        OutputStream stdout = System.out;
        rows = exporter.export(filter, f, stdout);
        stdout.flush();
      }
    }
    return Main.EXIT_OK;
  }
}

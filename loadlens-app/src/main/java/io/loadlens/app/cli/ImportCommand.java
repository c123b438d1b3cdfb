package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.store.ColumnMapping;
import io.loadlens.store.CsvImporter;
import io.loadlens.store.ImportReport;
import io.loadlens.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens import --csv FILE}: load interval data from existing exports. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import interval data from a CSV file (plain or .gz) with a column mapping.",
      "Presets: sgsc50 (the SGSC trial extract), green-button (Green Button CSV, needs --meter),",
      "loadlens (a file written by 'loadlens export'). Or map columns yourself:",
      "  --meter-column customer_id --timestamp-column reading_datetime --timestamp-format 'yyyy-MM-dd HH:mm:ss'",
      "  --zone Australia/Sydney --value general_supply_kwh=1-0:1.29.0.255:Wh:1000 --interval 30",
      "Re-importing the same file stores nothing twice."
    })
public final class ImportCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--csv",
      required = true,
      paramLabel = "FILE",
      description = "The CSV file (.gz is read compressed).")
  Path csv;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "sgsc50, green-button or loadlens.")
  String preset;

  @Option(names = "--meter-column", paramLabel = "COL", description = "Column with the meter id.")
  String meterColumn;

  @Option(
      names = "--meter",
      paramLabel = "ID",
      description = "All rows belong to this meter (instead of a meter column).")
  String meter;

  @Option(
      names = "--timestamp-column",
      paramLabel = "COL",
      description = "Timestamp column(s), joined with a space (repeatable: date and time columns).")
  List<String> timestampColumns = new ArrayList<>();

  @Option(
      names = "--timestamp-format",
      paramLabel = "PATTERN",
      defaultValue = "iso",
      description = "java.time pattern, or iso (default ${DEFAULT-VALUE}).")
  String timestampFormat;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of local timestamps (default ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--value",
      paramLabel = "COL=OBIS:UNIT[:FACTOR]",
      description =
          "A value column, its OBIS code, stored unit and multiplier, e.g. kwh=1-0:1.29.0.255:Wh:1000 (repeatable).")
  List<String> values = new ArrayList<>();

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      defaultValue = "0",
      description = "Interval length in minutes (0 = instantaneous values).")
  int intervalMinutes;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ColumnMapping mapping = mapping();
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = data.openStore()) {
      ImportReport r = new CsvImporter(store, mapping, InstantSource.system()).importFile(csv);
      registerMeters(store, mapping);
      out.printf(
          "Imported %s: %d rows read, %d values offered, %d stored, %d already stored, %d conflicts, %d skipped, %d rejected%n",
          csv,
          r.rowsRead(),
          r.valuesOffered(),
          r.valuesStored(),
          r.duplicates(),
          r.conflicts(),
          r.skipped(),
          r.rejected());
      r.rejections().stream().limit(20).forEach(x -> out.println("  rejected: " + x));
      if (r.rejections().size() > 20) {
        out.println("  ... " + (r.rejections().size() - 20) + " more");
      }
      out.flush();
      return r.rejected() > 0 && r.valuesStored() == 0 && r.duplicates() == 0
          ? Main.EXIT_FAILURE
          : Main.EXIT_OK;
    }
  }

  /** Meters seen in the store without a registry entry get one in the mapping's time zone. */
  private static void registerMeters(Store store, ColumnMapping m) {
    List<MeterId> known = store.meters().stream().map(MeterInfo::id).toList();
    java.util.Set<MeterId> seen =
        new java.util.LinkedHashSet<>(store.lastCaptureTimes(m.values().get(0).obis()).keySet());
    List<MeterInfo> add = new ArrayList<>();
    for (MeterId id : seen) {
      if (!known.contains(id)) {
        add.add(new MeterInfo(id, "import", "", "", 0, m.zone(), Map.of()));
      }
    }
    if (!add.isEmpty()) {
      store.upsertMeters(add);
    }
  }

  ColumnMapping mapping() {
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigException("--zone '" + zone + "' is not a time zone", e);
    }
    if (preset != null) {
      return switch (preset) {
        case "sgsc50" -> ColumnMapping.sgsc50();
        case "loadlens" -> ColumnMapping.loadlensExport();
        case "green-button" -> {
          if (meter == null) {
            throw new ConfigException(
                "--preset green-button needs --meter ID (the file names no meter)");
          }
          yield ColumnMapping.greenButton(
              meterId(meter), z, intervalMinutes > 0 ? intervalMinutes * 60 : 3600);
        }
        default ->
            throw new ConfigException(
                "--preset '" + preset + "' is not one of sgsc50, green-button, loadlens");
      };
    }
    if (values.isEmpty()) {
      throw new ConfigException(
          "give --preset, or --value COL=OBIS:UNIT[:FACTOR] with --timestamp-column and --meter-column or --meter");
    }
    List<ColumnMapping.ValueColumn> cols = new ArrayList<>();
    for (String v : values) {
      cols.add(valueColumn(v));
    }
    try {
      return new ColumnMapping(
          meterColumn,
          meter == null ? null : meterId(meter),
          timestampColumns,
          timestampFormat,
          z,
          cols,
          null,
          null,
          null,
          intervalMinutes * 60,
          null,
          "import:" + csv.getFileName());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /**
   * Parses {@code COL=OBIS:UNIT[:FACTOR]} from the right, since the OBIS code itself may contain a
   * colon ({@code A-B:C.D.E.F}).
   */
  static ColumnMapping.ValueColumn valueColumn(String spec) {
    int eq = spec.indexOf('=');
    List<String> parts =
        eq <= 0 ? List.of() : new ArrayList<>(List.of(spec.substring(eq + 1).split(":", -1)));
    if (parts.size() < 2) {
      throw new ConfigException(
          "--value '" + spec + "' is not COL=OBIS:UNIT[:FACTOR], e.g. kwh=1-0:1.29.0.255:Wh:1000");
    }
    double factor = 1.0;
    String last = parts.get(parts.size() - 1);
    if (last.matches("[0-9.eE+-]+") && parts.size() >= 3) {
      factor = Double.parseDouble(last);
      parts.remove(parts.size() - 1);
    }
    String unitText = parts.remove(parts.size() - 1);
    String obisText = String.join(":", parts);
    try {
      return new ColumnMapping.ValueColumn(
          spec.substring(0, eq), ObisCode.parse(obisText), Unit.fromSymbol(unitText), factor);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--value '" + spec + "': " + e.getMessage(), e);
    }
  }

  private static MeterId meterId(String id) {
    try {
      return MeterId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--meter: " + e.getMessage(), e);
    }
  }
}

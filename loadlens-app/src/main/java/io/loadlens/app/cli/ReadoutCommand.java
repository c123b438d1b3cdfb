package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.BatchWriter;
import io.loadlens.iec21.DataSet;
import io.loadlens.iec21.ModeCClient;
import io.loadlens.iec21.ModeCIdentification;
import io.loadlens.iec21.ModeCReadings;
import io.loadlens.iec21.ModeCReadout;
import io.loadlens.iec21.ModeCSession;
import io.loadlens.iec21.serial.SerialLine;
import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.TcpSerialLine;
import io.loadlens.iec21.serial.TtySerialLine;
import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens readout}: one IEC 62056-21 data readout of a meter on a serial port (optical
 * probe, RS-485/RS-232 adapter) or behind a raw TCP serial bridge; prints the data sets and, with
 * {@code --save}, stores the registers.
 */
@Command(
    name = "readout",
    header = "Read a meter's IEC 62056-21 data readout (optical port or serial line).",
    mixinStandardHelpOptions = true,
    description = {
      "Read a meter's IEC 62056-21 data readout (sign-on at 300 Bd 7E1, identification, option",
      "select, switch to the meter's rate, data message with BCC) and print it; --save stores the",
      "registers (energy, power, voltage, ...) at the read time."
    })
public final class ReadoutCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--port",
      paramLabel = "DEVICE",
      description = "Serial device, e.g. /dev/ttyUSB0 (set with stty).")
  Path port;

  @Option(
      names = "--tcp",
      paramLabel = "HOST:PORT",
      description = "A raw TCP serial bridge (ser2net raw); its rate is fixed, see --max-baud.")
  String tcp;

  @Option(
      names = "--address",
      paramLabel = "ID",
      defaultValue = "",
      description = "Device address for the sign-on /?ID! (default: any meter on the line).")
  String address;

  @Option(
      names = "--initial-baud",
      paramLabel = "BAUD",
      defaultValue = "300",
      description = "Rate of the sign-on (default: ${DEFAULT-VALUE}, as the standard says).")
  int initialBaud;

  @Option(
      names = "--max-baud",
      paramLabel = "BAUD",
      description =
          "Highest rate to switch to, 300..19200 (default 19200; with --tcp the initial rate).")
  Integer maxBaud;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "1500",
      description =
          "Longest wait for an answer and between characters (default: ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Option(
      names = "--meter",
      paramLabel = "ID",
      description = "Meter id for --save (default iec21-<serial number from the readout>).")
  String meter;

  @Option(names = "--save", description = "Store the registers in the data store.")
  boolean save;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone recorded for a new meter.")
  String zone;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((port == null) == (tcp == null)) {
      throw new ConfigException("give exactly one of --port DEVICE and --tcp HOST:PORT");
    }
    if (timeoutMs < 1 || timeoutMs > 60_000) {
      throw new ConfigException("--timeout-ms must be 1..60000, got " + timeoutMs);
    }
    ModeCClient.Options options = options();
    SerialSettings initial = settings(initialBaud);
    PrintWriter out = spec.commandLine().getOut();
    Duration wait = Duration.ofMillis(timeoutMs);
    ModeCSession.Timing timing =
        new ModeCSession.Timing(
            wait, wait, Duration.ofMillis(ModeCClient.SWITCH_OVER_DELAY_MILLIS));
    ModeCReadout readout;
    try (SerialLine line = open(initial)) {
      readout = new ModeCSession(line, timing).read(options, initialBaud);
      print(out, readout, line);
    }
    if (save) {
      store(out, readout);
    }
    return Main.EXIT_OK;
  }

  private ModeCClient.Options options() {
    int max = maxBaud != null ? maxBaud : tcp != null ? initialBaud : 19200;
    try {
      return new ModeCClient.Options(address, max);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          (e.getMessage().contains("address") ? "--address: " : "--max-baud: ") + e.getMessage(),
          e);
    }
  }

  private static SerialSettings settings(int baud) {
    try {
      return SerialSettings.sevenEvenOne(baud);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--initial-baud: " + e.getMessage(), e);
    }
  }

  private SerialLine open(SerialSettings initial) throws IOException {
    if (port != null) {
      return TtySerialLine.open(port, initial);
    }
    int colon = tcp.lastIndexOf(':');
    int p;
    try {
      p = colon > 0 ? Integer.parseInt(tcp.substring(colon + 1)) : -1;
    } catch (NumberFormatException e) {
      p = -1;
    }
    if (p < 1 || p > 65535) {
      throw new ConfigException("--tcp '" + tcp + "' is not HOST:PORT");
    }
    return TcpSerialLine.connect(tcp.substring(0, colon), p, Duration.ofSeconds(10), initial);
  }

  private static void print(PrintWriter out, ModeCReadout r, SerialLine line) {
    r.identification().ifPresent(id -> out.println("Identification: " + describe(id)));
    out.printf(
        "Data message from %s at %d Bd: %d data sets, BCC 0x%02X verified%n",
        line.name(), line.settings().baudRate(), r.dataSets().size(), r.bcc());
    Map<Integer, ModeCReadings.Value> byLine =
        ModeCReadings.values(r).stream()
            .collect(Collectors.toMap(ModeCReadings.Value::line, v -> v, (a, b) -> a));
    for (DataSet s : r.dataSets()) {
      StringBuilder text = new StringBuilder();
      for (DataSet.ValueGroup g : s.values()) {
        text.append(text.isEmpty() ? "" : " ")
            .append(g.value())
            .append(g.unit().isEmpty() ? "" : " " + g.unit());
      }
      ModeCReadings.Value v = byLine.get(s.line());
      String reading =
          v == null || !s.obis().equals(java.util.Optional.of(v.obis()))
              ? ""
              : "  -> " + v.obis() + " = " + v.value() + " " + v.unit();
      out.printf("  %-18s %s%s%n", s.address(), text, reading);
    }
    out.flush();
  }

  private static String describe(ModeCIdentification id) {
    char z = id.baudCharacter();
    String mode =
        z >= '0' && z <= '6'
            ? "mode C, up to " + id.baudRate() + " Bd"
            : z >= 'A' && z <= 'F' ? "mode B, " + id.baudRate() + " Bd" : "mode A";
    return "/"
        + id.manufacturer()
        + z
        + (id.enhancedIdentification() == 0 ? "" : "\\" + id.enhancedIdentification())
        + id.identification()
        + " (manufacturer "
        + id.manufacturer()
        + ", "
        + mode
        + ")";
  }

  private void store(PrintWriter out, ModeCReadout readout) {
    MeterId id = meterId(readout);
    ReadingBatch batch = ModeCReadings.toBatch(id, readout, Instant.now());
    if (batch.series().isEmpty()) {
      out.println("Nothing to store: the readout has no registers with a unit loadlens knows.");
      out.flush();
      return;
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("--zone '" + zone + "' is not a time zone", e);
    }
    try (Store store = data.openStore();
        BatchWriter writer =
            new BatchWriter(
                store,
                z,
                ModeCReadings.SOURCE,
                ListenCommand.MAX_BATCHES,
                ListenCommand.MAX_DELAY)) {
      writer.add(batch);
      writer.flush();
      out.printf("Stored meter %s: %s%n", id, writer.summary());
      out.flush();
    }
  }

  private MeterId meterId(ModeCReadout readout) {
    String id =
        meter != null
            ? meter
            : ModeCReadings.serialNumber(readout)
                .map(s -> "iec21-" + s.replaceAll("[^A-Za-z0-9._:-]", "_"))
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "the readout carries no serial number (96.1.0, C.1.0 or 0.0.0):"
                                + " give --meter ID"));
    try {
      return MeterId.of(id.length() > 64 ? id.substring(0, 64) : id);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--meter: " + e.getMessage(), e);
    }
  }
}

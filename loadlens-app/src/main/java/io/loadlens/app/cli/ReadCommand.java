package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.cli.decode.InputBytes;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.Json;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.client.ClientSettings;
import io.loadlens.dlms.client.DlmsClient;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.ProfileColumn;
import io.loadlens.dlms.client.ProfileData;
import io.loadlens.dlms.client.ScalerUnit;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Unit;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens read}: one diagnostic DLMS read of one meter. */
@Command(
    name = "read",
    header = "Read one COSEM object from one meter and print it.",
    mixinStandardHelpOptions = true,
    description = {
      "Read one COSEM object from one meter and print it: a profile (C = 99) as rows with times,",
      "scaled values and units; any other object as its value. Works with any standard DLMS server."
    })
public final class ReadCommand implements Callable<Integer> {
  @Option(names = "--host", required = true, paramLabel = "H")
  String host;

  @Option(
      names = "--port",
      defaultValue = "4059",
      paramLabel = "P",
      description = "Default ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--wrapper", description = "TCP wrapper framing, IEC 62056-47 (the default).")
  boolean wrapper;

  @Option(names = "--hdlc", description = "HDLC framing, IEC 62056-46.")
  boolean hdlc;

  @Option(
      names = "--client",
      defaultValue = "16",
      paramLabel = "N",
      description = "Client SAP: 16 public, 1 management (default ${DEFAULT-VALUE}).")
  int client;

  @Option(
      names = "--server",
      defaultValue = "1",
      paramLabel = "N",
      description = "Server logical address (default ${DEFAULT-VALUE}).")
  int server;

  @Option(
      names = "--physical",
      defaultValue = "17",
      paramLabel = "N",
      description = "Server physical address for HDLC (default ${DEFAULT-VALUE}).")
  int physical;

  @Option(
      names = "--security",
      defaultValue = "none",
      paramLabel = "LEVEL",
      description = "none, lls or hls-gmac (default ${DEFAULT-VALUE}).")
  String security;

  @Option(names = "--password", paramLabel = "P", description = "LLS password.")
  String password;

  @Option(
      names = "--ek",
      paramLabel = "HEX",
      description = "Global unicast encryption key (HLS-GMAC).")
  String ek;

  @Option(names = "--ak", paramLabel = "HEX", description = "Authentication key (HLS-GMAC).")
  String ak;

  @Option(
      names = "--system-title",
      paramLabel = "HEX",
      defaultValue = "4C4C4E0000000001",
      description = "The client's system title (default ${DEFAULT-VALUE}).")
  String systemTitle;

  @Option(
      names = "--obis",
      required = true,
      paramLabel = "CODE",
      description = "What to read, e.g. 1-0:99.1.0.255 or 1.0.1.8.0.255.")
  String obis;

  @Option(
      names = "--class-id",
      paramLabel = "N",
      description =
          "Interface class (default: 7 for C = 99, 8 for the clock, 1 for C = 96/42/43, else 3).")
  Integer classId;

  @Option(
      names = "--attribute",
      defaultValue = "2",
      paramLabel = "N",
      description = "Attribute (default ${DEFAULT-VALUE}).")
  int attribute;

  @Option(names = "--from", paramLabel = "ISO", description = "Profile range start.")
  String from;

  @Option(names = "--to", paramLabel = "ISO", description = "Profile range end.")
  String to;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      paramLabel = "S",
      description = "Seconds per request (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (wrapper && hdlc) {
      throw new ConfigException("give --wrapper or --hdlc, not both");
    }
    ObisCode code;
    try {
      code = ObisCode.parse(obis);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--obis: " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (DlmsClient c = connect()) {
      int cls = classId != null ? classId : defaultClass(code);
      if (cls == 7 && attribute == 2) {
        ProfileData p =
            from == null && to == null
                ? c.readProfile(code)
                : c.readProfile(
                    code,
                    from == null ? Instant.EPOCH : Selection.parse("--from", from),
                    to == null ? Instant.now() : Selection.parse("--to", to));
        printProfile(out, p);
      } else {
        CosemValue v = c.get(cls, code, attribute);
        Optional<ScaledValue> scaled = scaled(c, cls, code, v);
        if (json) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("obis", code.toString());
          doc.put("classId", cls);
          doc.put("attribute", attribute);
          doc.put("value", v.toString());
          scaled.ifPresent(
              x -> {
                doc.put("scaled", x.value());
                doc.put("unit", x.unit().symbol());
              });
          out.println(Json.pretty(doc));
        } else {
          out.println(
              code
                  + " (class "
                  + cls
                  + ", attribute "
                  + attribute
                  + "): "
                  + scaled.map(x -> x + " (" + v + ")").orElse(v.toString()));
        }
      }
    } catch (DlmsException e) {
      spec.commandLine()
          .getErr()
          .println(
              "loadlens: read " + host + ": " + e.operatorCode().label() + " " + e.getMessage());
      return Main.EXIT_FAILURE;
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /** A register's value with its scaler applied, and its unit. */
  record ScaledValue(BigDecimal value, Unit unit) {
    @Override
    public String toString() {
      String n = value.stripTrailingZeros().toPlainString();
      return unit == Unit.NONE ? n : n + " " + unit.symbol();
    }
  }

  /**
   * The value of attribute 2 of a Register or Extended Register (class 3, 4) or Demand Register
   * (class 5) as the meter means it: times 10^scaler from its scaler_unit attribute, in its unit.
   * Empty for other objects, non-numeric values, or when the scaler_unit cannot be read.
   */
  private Optional<ScaledValue> scaled(DlmsClient c, int cls, ObisCode code, CosemValue v) {
    OptionalInt scalerUnit = ScalerUnit.attributeOf(cls);
    if (attribute != 2 || scalerUnit.isEmpty() || !(v instanceof CosemValue.Int raw)) {
      return Optional.empty();
    }
    try {
      ScalerUnit su = ScalerUnit.decode(c.get(cls, code, scalerUnit.getAsInt()), code);
      return Optional.of(
          new ScaledValue(
              BigDecimal.valueOf(raw.value()).scaleByPowerOfTen(su.scaler()), su.unit()));
    } catch (DlmsException e) {
      // no scaler_unit to be read (access rights) or not a scaler_unit: the raw value stands alone
      return Optional.empty();
    }
  }

  /**
   * Associates; with HLS-GMAC a meter that refuses the counter as replayed (an earlier read used
   * it) is asked for the last counter it accepted, and the association is opened again above it.
   */
  private DlmsClient connect() {
    ClientSettings s = settings(1);
    try {
      return DlmsClient.connect(s);
    } catch (DlmsReplayException e) {
      OptionalLong accepted =
          s.security() == SecurityLevel.HLS_GMAC
              ? DlmsClient.acceptedInvocationCounter(s)
              : OptionalLong.empty();
      if (accepted.isEmpty()) {
        throw e;
      }
      return DlmsClient.connect(settings(accepted.getAsLong() + 1));
    }
  }

  private ClientSettings settings(long invocationCounter) {
    SecurityLevel level = FleetOptions.securityLevel(security);
    if (level == SecurityLevel.LLS && password == null) {
      throw new ConfigException("--security lls needs --password");
    }
    if (level == SecurityLevel.HLS_GMAC && (ek == null || ak == null)) {
      throw new ConfigException("--security hls-gmac needs --ek and --ak");
    }
    return new ClientSettings(
        host,
        port,
        hdlc ? Framing.HDLC : Framing.WRAPPER,
        client,
        server,
        physical,
        level,
        password == null ? null : password.getBytes(StandardCharsets.US_ASCII),
        InputBytes.hexOption("--ek", ek, 16),
        InputBytes.hexOption("--ak", ak, 16),
        InputBytes.hexOption("--system-title", systemTitle, 8),
        Duration.ofSeconds(timeoutSeconds),
        4096,
        invocationCounter);
  }

  static int defaultClass(ObisCode o) {
    if (o.c() == 99) {
      return 7;
    }
    if (o.equals(ObisCode.CLOCK)) {
      return 8;
    }
    return o.c() == 96 || o.c() == 42 || o.c() == 43 ? 1 : 3;
  }

  private void printProfile(PrintWriter out, ProfileData p) {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < p.epochSeconds().length; r++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", Instant.ofEpochSecond(p.epochSeconds()[r]).toString());
        row.put("status", ProfileStatus.describe(p.status()[r]));
        for (int c = 0; c < p.columns().size(); c++) {
          ProfileColumn col = p.columns().get(c);
          row.put(col.obis() + " [" + col.unit().symbol() + "]", p.values()[c][r]);
        }
        rows.add(row);
      }
      out.println(
          Json.pretty(
              Map.of(
                  "profile",
                  p.profile().toString(),
                  "capturePeriodSeconds",
                  p.capturePeriodSeconds(),
                  "rows",
                  rows)));
      return;
    }
    StringBuilder head = new StringBuilder(String.format("%-21s %-8s", "time (UTC)", "status"));
    for (ProfileColumn col : p.columns()) {
      head.append(String.format(" %22s", col.obis() + " " + col.unit().symbol()));
    }
    out.println(head);
    for (int r = 0; r < p.epochSeconds().length; r++) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "%-21s %-8s",
                  Instant.ofEpochSecond(p.epochSeconds()[r]),
                  ProfileStatus.describe(p.status()[r])));
      for (int c = 0; c < p.columns().size(); c++) {
        line.append(String.format(Locale.ROOT, " %22.3f", p.values()[c][r]));
      }
      out.println(line);
    }
    out.printf("%d rows, capture period %d s%n", p.epochSeconds().length, p.capturePeriodSeconds());
  }
}

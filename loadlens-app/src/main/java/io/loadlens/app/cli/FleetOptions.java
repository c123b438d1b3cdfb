package io.loadlens.app.cli;

import io.loadlens.app.config.ConfigException;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.simulator.FleetSpec;
import io.loadlens.simulator.fault.FaultSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The simulated fleet's shape, shared by {@code simulate} and {@code demo}. */
public final class FleetOptions {
  @Option(
      names = "--meters",
      paramLabel = "N",
      defaultValue = "200",
      description = "Number of meters (default ${DEFAULT-VALUE}).")
  int meters;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "30",
      description = "Days of profile history each meter holds (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--interval",
      paramLabel = "MIN",
      defaultValue = "15",
      description = "Capture period in minutes (default ${DEFAULT-VALUE}).")
  int intervalMinutes;

  @Option(
      names = "--security",
      paramLabel = "LEVEL",
      defaultValue = "hls-gmac",
      description = "none, lls or hls-gmac (default ${DEFAULT-VALUE}).")
  String security;

  @Option(
      names = "--hdlc",
      description = "HDLC framing (IEC 62056-46) instead of the TCP wrapper (IEC 62056-47).")
  boolean hdlc;

  @Option(
      names = "--first-address",
      paramLabel = "IP",
      defaultValue = "127.1.0.1",
      description =
          "Loopback address of the first meter; each next meter takes the next address (default ${DEFAULT-VALUE}).")
  String firstAddress;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "4059",
      description = "DLMS port of every meter (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description =
          "Fraction of meters with each fault, e.g. outage=0.05,wrong-key=0.02,missing-entries=0.05,slow=0.02,drop-mid-block=0.02,hardware-fault=0.01,clock-skew=0.02,corrupt-fcs=0.01,offline=0.01.")
  String faults;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description =
          "Seed: the same seed gives the same households and bytes on the wire (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Europe/Amsterdam",
      description = "The households' time zone (default ${DEFAULT-VALUE}).")
  String zone;

  /** Parses {@code --security}: none, lls or hls-gmac (also hls, hls5). */
  static SecurityLevel securityLevel(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "none" -> SecurityLevel.NONE;
      case "lls" -> SecurityLevel.LLS;
      case "hls-gmac", "hls", "hls5" -> SecurityLevel.HLS_GMAC;
      default ->
          throw new ConfigException("--security '" + text + "' is not one of none, lls, hls-gmac");
    };
  }

  /** The spec; {@code defaultFaults} applies when {@code --faults} is not given. */
  public FleetSpec spec(String defaultFaults) {
    SecurityLevel level = securityLevel(security);
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigException(
          "--zone '" + zone + "' is not a time zone (e.g. Europe/Amsterdam)", e);
    }
    String f = faults != null ? faults : defaultFaults;
    FaultSpec fs =
        f == null || f.isBlank() || f.equals("none") ? FaultSpec.none() : FaultSpec.parse(f);
    return new FleetSpec(
        meters,
        days,
        intervalMinutes,
        level,
        hdlc ? Framing.HDLC : Framing.WRAPPER,
        firstAddress,
        port,
        fs,
        seed,
        z);
  }
}

package io.loadlens.simulator;

import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Writes the fleet file the collector reads, and one key file (mode 0600) per meter. */
final class FleetFiles {
  /** The head-end's system title: "LLN" + 1. */
  static final String CLIENT_SYSTEM_TITLE = "4C4C4E0000000001";

  /** Management client SAP (IEC 62056-5-3 / DLMS UA Green Book: 1); 16 is the public client. */
  static final int MANAGEMENT_CLIENT = 1;

  static final int PUBLIC_CLIENT = 16;
  static final int SERVER_LOGICAL_ADDRESS = 1;
  static final int SERVER_PHYSICAL_ADDRESS = 17;

  private FleetFiles() {}

  static void write(Path fleetFile, FleetSpec spec, List<FleetMeter> meters) {
    try {
      Path dir = fleetFile.toAbsolutePath().getParent();
      Path keys = dir.resolve("keys");
      Files.createDirectories(keys);
      StringBuilder sb = new StringBuilder(256 * meters.size() + 256);
      sb.append("# loadlens fleet file, written by the simulator\n");
      sb.append("client_system_title: ").append(CLIENT_SYSTEM_TITLE).append('\n');
      sb.append("meters:\n");
      for (FleetMeter m : meters) {
        appendMeter(sb, spec, m);
        writeKeyFile(keys.resolve(m.identity().id() + ".keys"), spec.security(), m);
      }
      Files.writeString(fleetFile, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("write fleet file " + fleetFile, e);
    }
  }

  private static void appendMeter(StringBuilder sb, FleetSpec spec, FleetMeter m) {
    var id = m.identity();
    sb.append("  - id: ").append(id.id()).append('\n');
    sb.append("    host: ").append(id.host()).append('\n');
    sb.append("    port: ").append(id.port()).append('\n');
    sb.append("    framing: ").append(framing(spec.framing())).append('\n');
    int client = spec.security() == SecurityLevel.NONE ? PUBLIC_CLIENT : MANAGEMENT_CLIENT;
    sb.append("    client_address: ").append(client).append('\n');
    sb.append("    server_logical_address: ").append(SERVER_LOGICAL_ADDRESS).append('\n');
    sb.append("    server_physical_address: ").append(SERVER_PHYSICAL_ADDRESS).append('\n');
    sb.append("    security: ").append(security(spec.security())).append('\n');
    sb.append("    system_title: ").append(id.systemTitleHex()).append('\n');
    sb.append("    key_file: keys/").append(id.id()).append(".keys\n");
    sb.append("    obis: [1-0:99.1.0.255]\n");
    sb.append("    group: sim\n");
    sb.append("    interval_minutes: ").append(spec.intervalMinutes()).append('\n');
  }

  static String framing(Framing framing) {
    return framing.name().toLowerCase(Locale.ROOT);
  }

  static String security(SecurityLevel level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void writeKeyFile(Path file, SecurityLevel level, FleetMeter m)
      throws IOException {
    HexFormat hex = HexFormat.of().withUpperCase();
    StringBuilder sb = new StringBuilder();
    sb.append("# keys of ").append(m.identity().id()).append(", written by the simulator\n");
    sb.append("GUEK=").append(hex.formatHex(m.identity().guek())).append('\n');
    sb.append("GAK=").append(hex.formatHex(m.identity().gak())).append('\n');
    if (level == SecurityLevel.LLS) {
      sb.append("PASSWORD=").append(m.identity().password()).append('\n');
    }
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}

package io.loadlens.collector.config;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One meter entry as written in a file, before checking, with the file's names for its keys. {@link
 * #toConfig} turns it into a {@link MeterConfig}, mapping every problem to the key and line that
 * caused it.
 */
record RawMeter(
    String id,
    String host,
    Integer port,
    String framing,
    Integer clientAddress,
    Integer serverLogicalAddress,
    Integer serverPhysicalAddress,
    String security,
    String systemTitle,
    String keyFile,
    List<String> obis,
    String group,
    Integer intervalMinutes,
    Duration timeout,
    Integer retries,
    String serial,
    Integer serialBaud,
    Boolean serialModeE) {

  /** Profile Generic objects have value group C = 99 ("load profiles", IEC 62056-6-1 7.5.1). */
  static final int PROFILE_GROUP_C = 99;

  /**
   * @param where the file and its line index
   * @param prefix the entry's path, e.g. {@code meters[3]}
   * @param keys the file's key name for each model field
   */
  MeterConfig toConfig(
      StrictYaml where, String prefix, Map<String, String> keys, FleetDefaults defaults) {
    java.util.function.Function<String, String> at = f -> prefix + "." + keys.get(f);
    if (id == null) {
      throw where.error(prefix, "missing required key '" + keys.get("id") + "'");
    }
    if (host == null && serial == null) {
      throw where.error(
          prefix,
          "missing required key '" + keys.get("host") + "' (or '" + keys.get("serial") + "')");
    }
    if (host != null && serial != null) {
      throw where.error(
          at.apply("serial"),
          "give either '" + keys.get("host") + "' or '" + keys.get("serial") + "', not both");
    }
    if (port != null && serial != null) {
      throw where.error(at.apply("port"), "is not used for a meter on a serial line");
    }
    if (serialBaud != null && serial == null) {
      throw where.error(at.apply("serialBaud"), "needs '" + keys.get("serial") + "'");
    }
    if (serialModeE != null && serial == null) {
      throw where.error(at.apply("serialModeE"), "needs '" + keys.get("serial") + "'");
    }
    MeterId meterId;
    try {
      meterId = MeterId.of(id);
    } catch (IllegalArgumentException e) {
      throw where.error(at.apply("id"), e.getMessage());
    }
    MeterConfigBuilder b = new MeterConfigBuilder(meterId, host == null ? "" : host);
    if (serial != null) {
      try {
        b.serial(
            new SerialAccess(
                Path.of(serial.strip()),
                serialBaud != null ? serialBaud : SerialAccess.DEFAULT_BAUD_RATE,
                Boolean.TRUE.equals(serialModeE)));
      } catch (InvalidFieldException | java.nio.file.InvalidPathException e) {
        String field = e instanceof InvalidFieldException f ? f.field() : "serial";
        String reason = e instanceof InvalidFieldException f ? f.reason() : e.getMessage();
        throw where.error(at.apply(field), reason);
      }
    }
    if (port != null) {
      b.port(port);
    }
    if (framing != null) {
      b.framing(parseEnum(where, at.apply("framing"), framing, MeterConfig.Framing.class));
    }
    if (clientAddress != null) {
      b.clientAddress(clientAddress);
    }
    if (serverLogicalAddress != null) {
      b.serverLogicalAddress(serverLogicalAddress);
    }
    if (serverPhysicalAddress != null) {
      b.serverPhysicalAddress(serverPhysicalAddress);
    }
    if (security != null) {
      b.security(parseEnum(where, at.apply("security"), security, MeterConfig.Security.class));
    }
    if (systemTitle != null) {
      b.systemTitle(hex(where, at.apply("systemTitle"), systemTitle));
    }
    if (keyFile != null) {
      Path file = resolve(where.file(), keyFile);
      try {
        b.keys(KeyFiles.read(file), file);
      } catch (ConfigException e) {
        throw where.error(at.apply("keyFile"), e.getMessage());
      }
    }
    if (obis != null) {
      splitObis(where, at.apply("obis"), b);
    }
    if (group != null) {
      b.group(group);
    }
    b.intervalMinutes(intervalMinutes != null ? intervalMinutes : defaults.intervalMinutes());
    b.timeout(timeout != null ? timeout : defaults.timeout());
    b.retries(retries != null ? retries : defaults.retries());
    try {
      return b.build();
    } catch (InvalidFieldException e) {
      String key = keys.getOrDefault(e.field(), e.field());
      throw where.error(prefix + "." + key, e.reason());
    }
  }

  private void splitObis(StrictYaml where, String path, MeterConfigBuilder b) {
    if (obis.isEmpty()) {
      throw where.error(path, "needs at least one OBIS code");
    }
    List<ObisCode> profiles = new ArrayList<>();
    List<ObisCode> channels = new ArrayList<>();
    for (int i = 0; i < obis.size(); i++) {
      ObisCode code;
      try {
        code = ObisCode.parse(obis.get(i));
      } catch (IllegalArgumentException e) {
        throw where.error(path + "[" + i + "]", e.getMessage());
      }
      (code.c() == PROFILE_GROUP_C ? profiles : channels).add(code);
    }
    b.profiles(profiles.isEmpty() ? List.of(ObisCode.LOAD_PROFILE_1) : profiles);
    b.channels(channels);
  }

  static <E extends Enum<E>> E parseEnum(StrictYaml where, String path, String text, Class<E> t) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : t.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    List<String> known = new ArrayList<>();
    for (E e : t.getEnumConstants()) {
      known.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw where.error(path, "'" + text + "' is not one of " + String.join(", ", known));
  }

  static Octets hex(StrictYaml where, String path, String text) {
    String s = text.strip();
    if (!s.matches("([0-9A-Fa-f]{2})+")) {
      throw where.error(path, "'" + text + "' is not hex octets");
    }
    return new Octets(HexFormat.of().parseHex(s));
  }

  static Path resolve(Path configFile, String name) {
    Path p = Path.of(name);
    Path dir = configFile.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
  }
}

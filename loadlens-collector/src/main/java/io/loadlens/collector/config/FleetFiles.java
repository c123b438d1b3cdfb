package io.loadlens.collector.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the two fleet configuration formats into a {@link FleetConfig}: the simulator's fleet file
 * (lower-case keys, {@code meters:}) and the field-style {@code dlms_config.yaml} (upper-case keys,
 * {@code METERS:}). Both are strict; see docs/COLLECTOR.md for every key. Key files are read and
 * their permissions checked here, so a bad one stops the collector before it starts.
 */
public final class FleetFiles {
  private static final ObjectMapper FLEET = StrictYaml.mapper(PropertyNamingStrategies.SNAKE_CASE);
  private static final ObjectMapper FIELD =
      StrictYaml.mapper(PropertyNamingStrategies.UPPER_SNAKE_CASE);

  private static final Map<String, String> FLEET_KEYS =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("host", "host"),
          Map.entry("port", "port"),
          Map.entry("framing", "framing"),
          Map.entry("clientAddress", "client_address"),
          Map.entry("serverLogicalAddress", "server_logical_address"),
          Map.entry("serverPhysicalAddress", "server_physical_address"),
          Map.entry("security", "security"),
          Map.entry("systemTitle", "system_title"),
          Map.entry("keyFile", "key_file"),
          Map.entry("obis", "obis"),
          Map.entry("profiles", "obis"),
          Map.entry("channels", "obis"),
          Map.entry("group", "group"),
          Map.entry("intervalMinutes", "interval_minutes"),
          Map.entry("timeout", "timeout_ms"),
          Map.entry("retries", "retries"),
          Map.entry("serial", "serial"),
          Map.entry("serialBaud", "serial_baud"),
          Map.entry("serialModeE", "serial_mode_e"));

  private static final Map<String, String> FIELD_KEYS =
      Map.ofEntries(
          Map.entry("id", "METER_ID"),
          Map.entry("host", "IP"),
          Map.entry("port", "PORT"),
          Map.entry("framing", "FRAMING"),
          Map.entry("clientAddress", "CLIENT_ADDRESS"),
          Map.entry("serverLogicalAddress", "SERVER_ADDRESS"),
          Map.entry("serverPhysicalAddress", "SERVER_PHYSICAL_ADDRESS"),
          Map.entry("security", "SECURITY"),
          Map.entry("systemTitle", "SYSTEM_TITLE"),
          Map.entry("keyFile", "KEY_FILE"),
          Map.entry("obis", "OBIS"),
          Map.entry("profiles", "OBIS"),
          Map.entry("channels", "OBIS"),
          Map.entry("group", "GROUP"),
          Map.entry("intervalMinutes", "INTERVAL_MINUTES"),
          Map.entry("timeout", "TIMEOUT_VAL"),
          Map.entry("retries", "RETRIES"),
          Map.entry("serial", "SERIAL"),
          Map.entry("serialBaud", "SERIAL_BAUD"),
          Map.entry("serialModeE", "SERIAL_MODE_E"));

  private FleetFiles() {}

  /** Reads either format, telling them apart by the case of the {@code meters} key. */
  public static FleetConfig read(Path file, FleetDefaults defaults) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    boolean field = text.lines().anyMatch(l -> l.startsWith("METERS:"));
    return field ? readDlmsConfig(file, defaults) : readFleetFile(file, defaults);
  }

  /** Reads the simulator's fleet file format. */
  public static FleetConfig readFleetFile(Path file, FleetDefaults defaults) {
    StrictYaml.Parsed<FleetFile> parsed = StrictYaml.read(file, FLEET, FleetFile.class);
    FleetFile f = parsed.value();
    StrictYaml where = parsed.where();
    FleetDefaults d =
        override(
            where,
            defaults,
            f.timeoutMs() == null ? null : millis(f.timeoutMs()),
            f.retries(),
            "timeout_ms",
            "retries");
    if (f.meters() == null) {
      throw where.error("meters", "missing required key 'meters'");
    }
    List<MeterConfig> meters = new ArrayList<>();
    for (int i = 0; i < f.meters().size(); i++) {
      FleetMeter m = f.meters().get(i);
      if (m == null) {
        throw where.error("meters[" + i + "]", "empty meter entry");
      }
      RawMeter raw =
          new RawMeter(
              m.id(),
              m.host(),
              m.port(),
              m.framing(),
              m.clientAddress(),
              m.serverLogicalAddress(),
              m.serverPhysicalAddress(),
              m.security(),
              m.systemTitle(),
              m.keyFile(),
              m.obis(),
              m.group(),
              m.intervalMinutes(),
              m.timeoutMs() == null ? null : millis(m.timeoutMs()),
              m.retries(),
              m.serial(),
              m.serialBaud(),
              m.serialModeE());
      meters.add(raw.toConfig(where, "meters[" + i + "]", FLEET_KEYS, d));
    }
    return fleet(where, f.clientSystemTitle(), "client_system_title", meters, "id");
  }

  /** Reads the field-style {@code dlms_config.yaml} format. */
  public static FleetConfig readDlmsConfig(Path file, FleetDefaults defaults) {
    StrictYaml.Parsed<DlmsConfig> parsed = StrictYaml.read(file, FIELD, DlmsConfig.class);
    DlmsConfig f = parsed.value();
    StrictYaml where = parsed.where();
    FleetDefaults d =
        override(
            where,
            defaults,
            seconds(where, "TIMEOUT_VAL", f.timeoutVal()),
            f.retries(),
            "TIMEOUT_VAL",
            "RETRIES");
    if (f.intervalMinutes() != null) {
      d = withInterval(where, d, f.intervalMinutes());
    }
    if (f.meters() == null) {
      throw where.error("METERS", "missing required key 'METERS'");
    }
    List<MeterConfig> meters = new ArrayList<>();
    for (int i = 0; i < f.meters().size(); i++) {
      DlmsMeter m = f.meters().get(i);
      String prefix = "METERS[" + i + "]";
      if (m == null) {
        throw where.error(prefix, "empty meter entry");
      }
      RawMeter raw =
          new RawMeter(
              m.meterId(),
              m.ip(),
              m.port(),
              m.framing(),
              m.clientAddress(),
              m.serverAddress(),
              m.serverPhysicalAddress(),
              m.security(),
              m.systemTitle(),
              m.keyFile(),
              m.obis(),
              m.group(),
              m.intervalMinutes(),
              seconds(where, prefix + ".TIMEOUT_VAL", m.timeoutVal()),
              m.retries(),
              m.serial(),
              m.serialBaud(),
              m.serialModeE());
      meters.add(raw.toConfig(where, prefix, FIELD_KEYS, d));
    }
    return fleet(where, f.clientSystemTitle(), "CLIENT_SYSTEM_TITLE", meters, "METER_ID");
  }

  private static FleetConfig fleet(
      StrictYaml where, String title, String titleKey, List<MeterConfig> meters, String idKey) {
    Octets clientTitle = title == null ? null : RawMeter.hex(where, titleKey, title);
    try {
      return new FleetConfig(clientTitle, meters);
    } catch (InvalidFieldException e) {
      if (e.field().equals("meters")) {
        int dup = duplicateIndex(meters);
        String list = titleKey.equals("CLIENT_SYSTEM_TITLE") ? "METERS" : "meters";
        throw where.error(list + "[" + dup + "]." + idKey, e.reason());
      }
      throw where.error(titleKey, e.reason());
    }
  }

  private static int duplicateIndex(List<MeterConfig> meters) {
    for (int i = 0; i < meters.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (meters.get(i).id().equals(meters.get(j).id())) {
          return i;
        }
      }
    }
    return 0;
  }

  private static FleetDefaults override(
      StrictYaml where,
      FleetDefaults d,
      Duration timeout,
      Integer retries,
      String tKey,
      String rKey) {
    if (timeout != null && !MeterConfig.validTimeout(timeout)) {
      throw where.error(tKey, MeterConfig.timeoutReason(timeout));
    }
    if (retries != null && (retries < 0 || retries > MeterConfig.MAX_RETRIES)) {
      throw where.error(
          rKey, "must be between 0 and " + MeterConfig.MAX_RETRIES + ", got " + retries);
    }
    return new FleetDefaults(
        timeout == null ? d.timeout() : timeout,
        retries == null ? d.retries() : retries,
        d.intervalMinutes());
  }

  private static FleetDefaults withInterval(StrictYaml where, FleetDefaults d, int minutes) {
    try {
      return new FleetDefaults(d.timeout(), d.retries(), minutes);
    } catch (InvalidFieldException e) {
      throw where.error("INTERVAL_MINUTES", e.reason());
    }
  }

  private static Duration millis(int ms) {
    return Duration.ofMillis(ms);
  }

  private static Duration seconds(StrictYaml where, String key, Double s) {
    if (s == null) {
      return null;
    }
    if (!(s > 0) || s > MeterConfig.MAX_TIMEOUT.toSeconds()) {
      throw where.error(
          key,
          "must be more than 0 and at most "
              + MeterConfig.MAX_TIMEOUT.toSeconds()
              + " seconds, got "
              + s);
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }

  /** The simulator's fleet file, as written. */
  record FleetFile(
      String clientSystemTitle, Integer timeoutMs, Integer retries, List<FleetMeter> meters) {}

  record FleetMeter(
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
      Integer timeoutMs,
      Integer retries,
      String serial,
      Integer serialBaud,
      Boolean serialModeE) {}

  /** The field-style {@code dlms_config.yaml}, as written. */
  record DlmsConfig(
      Double timeoutVal,
      Integer retries,
      String clientSystemTitle,
      Integer intervalMinutes,
      List<DlmsMeter> meters) {}

  record DlmsMeter(
      String meterId,
      String ip,
      Integer port,
      String framing,
      Integer clientAddress,
      Integer serverAddress,
      Integer serverPhysicalAddress,
      String security,
      String systemTitle,
      String keyFile,
      List<String> obis,
      String group,
      Integer intervalMinutes,
      Double timeoutVal,
      Integer retries,
      String serial,
      Integer serialBaud,
      Boolean serialModeE) {}
}

package io.loadlens.app.cli;

import io.loadlens.app.config.ConfigException;
import io.loadlens.app.config.LoadlensConfig;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.FleetDefaults;
import io.loadlens.collector.config.FleetFiles;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.model.MeterId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Loads a fleet from what {@code --config} names: the simulator's fleet file, a field-style {@code
 * dlms_config.yaml}, or a {@code loadlens.yaml} whose {@code collector} section points at one.
 */
final class FleetSource {
  private FleetSource() {}

  static FleetConfig load(Path config, LoadlensConfig system) {
    Path file = config;
    LoadlensConfig cfg = system;
    if (looksLikeLoadlensYaml(config)) {
      cfg = LoadlensConfig.load(config);
      String named =
          cfg.collector().fleetFile() != null
              ? cfg.collector().fleetFile()
              : cfg.collector().dlmsConfig();
      if (named == null) {
        throw new ConfigException(
            config
                + ": collector.fleet_file or collector.dlms_config is needed to know the meters");
      }
      Path base = config.toAbsolutePath().getParent();
      file = base.resolve(named);
    }
    LoadlensConfig.Collector c = cfg.collector();
    FleetDefaults defaults =
        new FleetDefaults(Duration.ofMillis(c.timeoutMs()), c.retries(), c.intervalMinutes());
    try {
      return FleetFiles.read(file, defaults);
    } catch (io.loadlens.collector.config.ConfigException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** {@code all}, a meter id, or {@code group:NAME}. */
  static List<MeterConfig> target(FleetConfig fleet, String target) {
    if (target == null || target.equals("all")) {
      return fleet.meters();
    }
    if (target.startsWith("group:")) {
      String group = target.substring("group:".length());
      List<MeterConfig> m = fleet.meters().stream().filter(x -> x.group().equals(group)).toList();
      if (m.isEmpty()) {
        throw new ConfigException("--target: no meter in group '" + group + "'");
      }
      return m;
    }
    MeterId id;
    try {
      id = MeterId.of(target);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "--target '" + target + "' is not all, group:NAME or a meter id", e);
    }
    List<MeterConfig> m = fleet.meters().stream().filter(x -> x.id().equals(id)).toList();
    if (m.isEmpty()) {
      throw new ConfigException("--target: no meter '" + target + "' in the fleet");
    }
    return m;
  }

  private static boolean looksLikeLoadlensYaml(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              l ->
                  l.startsWith("collector:")
                      || l.startsWith("data_dir:")
                      || l.startsWith("transport:"));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}

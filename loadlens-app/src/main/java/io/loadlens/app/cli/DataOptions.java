package io.loadlens.app.cli;

import io.loadlens.app.Logging;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.config.LoadlensConfig;
import io.loadlens.app.pipeline.ReadingsMirror;
import io.loadlens.store.Store;
import io.loadlens.store.StoreConfigurationException;
import io.loadlens.store.Stores;
import io.loadlens.store.influx.InfluxConfig;
import io.loadlens.store.influx.InfluxMirror;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Option;

/**
 * Options every command that touches data shares. A flag overrides {@code loadlens.yaml}, which
 * overrides the default.
 */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory: store file, logs, reports (default: data_dir of loadlens.yaml, else ./data).")
  Path data;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description =
          "duckdb:FILE or postgresql://user@host:port/db (default: duckdb:<data>/loadlens.duckdb).")
  String store;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "loadlens.yaml with the whole system's settings (default: ./loadlens.yaml when present).")
  Path configFile;

  private LoadlensConfig config;

  /** The configuration file's settings, or the defaults when there is none. */
  public LoadlensConfig config() {
    if (config == null) {
      Path file = configFile != null ? configFile : Path.of("loadlens.yaml");
      if (configFile != null || Files.isRegularFile(file)) {
        config = LoadlensConfig.load(file);
      } else {
        config = LoadlensConfig.DEFAULT;
      }
    }
    return config;
  }

  public Path dataDir() {
    Path dir = data != null ? data : config().dataPath();
    try {
      if (!Files.exists(dir)) {
        // Consumer energy data, keys and token hashes live here: private to the running user.
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
      }
      Files.createDirectories(dir.resolve("log"));
    } catch (IOException e) {
      throw new ConfigException(
          "data directory " + dir + " cannot be created: " + e.getMessage(), e);
    }
    Logging.toDataDir(dir);
    return dir;
  }

  public String storeUrl() {
    return store != null ? store : config().store();
  }

  /** Opens the store; a bad URL is a configuration error naming it. */
  public Store openStore() {
    Path dir = dataDir();
    try {
      return Stores.open(storeUrl(), dir);
    } catch (StoreConfigurationException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /**
   * The mirror of committed readings that {@code loadlens.yaml} asks for ({@code influx}), or none.
   */
  public ReadingsMirror mirror() {
    LoadlensConfig.Influx y = config().influx();
    if (y == null) {
      return ReadingsMirror.NONE;
    }
    try {
      URI url = URI.create(y.url());
      String token = y.tokenFile() == null ? null : Files.readString(Path.of(y.tokenFile())).trim();
      InfluxConfig c =
          y.api().equals("v2")
              ? InfluxConfig.v2(url, y.org(), y.bucket(), token)
              : InfluxConfig.v1(url, y.db());
      if (y.api().equals("v1") && token != null) {
        c = c.withToken(token);
      }
      if (y.precision() != null) {
        c =
            c.withPrecision(
                y.precision().equals("ns")
                    ? InfluxConfig.Precision.NANOSECONDS
                    : InfluxConfig.Precision.SECONDS);
      }
      if (y.measurement() != null) {
        c = c.withMeasurement(y.measurement());
      }
      return ReadingsMirror.influx(InfluxMirror.start(c));
    } catch (java.io.IOException e) {
      throw new ConfigException("influx.token_file: " + y.tokenFile() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("influx: " + e.getMessage(), e);
    }
  }
}

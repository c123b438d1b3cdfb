package io.loadlens.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a {@link Store} from a URL.
 *
 * <ul>
 *   <li>{@code duckdb:<path>} — the embedded store in one file; {@code null} or blank means {@code
 *       duckdb:<dataDir>/loadlens.duckdb}.
 *   <li>{@code postgresql://user[:password]@host[:port]/db[?pool=8&retention_days=730]} (also
 *       {@code postgres://}, with or without a {@code jdbc:} prefix) — PostgreSQL, TimescaleDB when
 *       the extension is installed. The database is created when missing.
 * </ul>
 */
public final class Stores {
  /** The embedded store's file name inside the data folder. */
  public static final String DEFAULT_FILE = "loadlens.duckdb";

  private static final Pattern PG =
      Pattern.compile(
          "(?:jdbc:)?postgres(?:ql)?://(?:([^:@/]+)(?::([^@/]*))?@)?([^:/?]+|\\[[^]]+])(?::(\\d{1,5}))?/([^?/]+)(?:\\?(.*))?");

  private Stores() {}

  /**
   * Opens the store the URL names, creating the database and schema when missing.
   *
   * @throws StoreConfigurationException naming the URL when it is not understood
   */
  public static Store open(String url, Path dataDir) {
    return open(url, dataDir, InstantSource.system());
  }

  public static Store open(String url, Path dataDir, InstantSource clock) {
    if (url == null || url.isBlank()) {
      if (dataDir == null) {
        throw new StoreConfigurationException("no store URL and no data folder given");
      }
      return DuckDbStore.open(dataDir.resolve(DEFAULT_FILE), clock);
    }
    String u = url.strip();
    if (u.startsWith("jdbc:duckdb:") || u.startsWith("duckdb:")) {
      String path = u.substring(u.indexOf("duckdb:") + "duckdb:".length());
      if (path.isBlank()) {
        if (dataDir == null) {
          throw new StoreConfigurationException(
              "store URL '" + url + "' names no file and no data folder is given");
        }
        return DuckDbStore.open(dataDir.resolve(DEFAULT_FILE), clock);
      }
      if (path.equals(":memory:")) {
        throw new StoreConfigurationException(
            "store URL '" + url + "': in-memory DuckDB is not supported, name a file");
      }
      return DuckDbStore.open(Path.of(path), clock);
    }
    return PostgresStore.open(parsePostgres(url), clock);
  }

  /** Parses a PostgreSQL URL; package-visible for tests. */
  static PostgresStore.Config parsePostgres(String url) {
    Matcher m = PG.matcher(url.strip());
    if (!m.matches()) {
      throw new StoreConfigurationException(
          "store URL '"
              + url
              + "' is not understood: use duckdb:<file> or postgresql://user@host:port/database");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (m.group(6) != null && !m.group(6).isEmpty()) {
      for (String kv : m.group(6).split("&")) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new StoreConfigurationException(
              "store URL '" + url + "': parameter '" + kv + "' is not name=value");
        }
        params.put(kv.substring(0, eq), decode(kv.substring(eq + 1)));
      }
    }
    int port = m.group(4) == null ? 5432 : Integer.parseInt(m.group(4));
    if (port < 1 || port > 65535) {
      throw new StoreConfigurationException(
          "store URL '" + url + "': port " + port + " is outside 1..65535");
    }
    String db = decode(m.group(5));
    if (!db.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new StoreConfigurationException(
          "store URL '"
              + url
              + "': database name '"
              + db
              + "' must be letters, digits and _ (max 63)");
    }
    int pool = intParam(url, params, "pool", 8);
    int retention = intParam(url, params, "retention_days", 0);
    for (String k : params.keySet()) {
      if (!k.equals("pool") && !k.equals("retention_days")) {
        throw new StoreConfigurationException(
            "store URL '" + url + "': unknown parameter '" + k + "' (known: pool, retention_days)");
      }
    }
    return new PostgresStore.Config(
        m.group(3),
        port,
        db,
        m.group(1) == null ? "postgres" : decode(m.group(1)),
        m.group(2) == null ? null : decode(m.group(2)),
        pool,
        retention);
  }

  private static int intParam(String url, Map<String, String> p, String name, int dflt) {
    String v = p.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new StoreConfigurationException(
          "store URL '" + url + "': " + name + "=" + v + " is not a non-negative integer", e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

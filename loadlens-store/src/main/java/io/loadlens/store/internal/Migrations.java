package io.loadlens.store.internal;

import io.loadlens.store.StoreConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema scripts {@code db/<backend>/V<n>__<name>.sql} listed in {@code
 * db/<backend>/migrations.txt}, recording each in {@code schema_version}. A script may come in
 * variants ({@code V2__raw_data.timescaledb.sql}); the caller picks the variant.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final String backend;
  private final String variant;

  /**
   * @param backend resource folder under {@code db/}
   * @param variant preferred variant suffix for scripts that have variants, or {@code null}
   */
  public Migrations(String backend, String variant) {
    this.backend = backend;
    this.variant = variant;
  }

  /** The newest version this build knows. */
  public int latestVersion() {
    return scripts().size();
  }

  /**
   * Brings the schema up to date in one transaction per script.
   *
   * @return the schema version after migrating
   */
  public int migrate(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
    }
    int current = currentVersion(c);
    List<String> scripts = scripts();
    if (current > scripts.size()) {
      throw new StoreConfigurationException(
          "schema_version "
              + current
              + " is newer than this build knows ("
              + scripts.size()
              + "): upgrade loadlens");
    }
    c.setAutoCommit(false);
    try {
      for (int v = current + 1; v <= scripts.size(); v++) {
        String name = scripts.get(v - 1);
        try (Statement st = c.createStatement()) {
          for (String sql : statements(load(name))) {
            st.execute(sql);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
          ps.setInt(1, v);
          ps.setString(2, name);
          ps.setObject(3, Sql.odt(Instant.now()));
          ps.executeUpdate();
        }
        c.commit();
        LOG.info("store schema: applied {} ({})", name, backend);
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return scripts.size();
  }

  static int currentVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> scripts() {
    String index = read("db/" + backend + "/migrations.txt");
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      if (!line.isBlank()) {
        names.add(line.trim());
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).startsWith("V" + (i + 1) + "__")) {
        throw new IllegalStateException(
            "db/" + backend + "/migrations.txt line " + (i + 1) + ": expected V" + (i + 1));
      }
    }
    return names;
  }

  private String load(String name) {
    if (variant != null) {
      String v = tryRead("db/" + backend + "/" + name + "." + variant + ".sql");
      if (v != null) {
        return v;
      }
      String n = tryRead("db/" + backend + "/" + name + ".native.sql");
      if (n != null) {
        return n;
      }
    }
    return read("db/" + backend + "/" + name + ".sql");
  }

  /** Splits a script on semicolons that end a line; {@code --} comment lines are dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      sb.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = sb.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        sb.setLength(0);
      }
    }
    if (!sb.toString().isBlank()) {
      out.add(sb.toString().strip());
    }
    return out;
  }

  private static String read(String resource) {
    String s = tryRead(resource);
    if (s == null) {
      throw new IllegalStateException("schema script " + resource + " is missing from the build");
    }
    return s;
  }

  private static String tryRead(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}

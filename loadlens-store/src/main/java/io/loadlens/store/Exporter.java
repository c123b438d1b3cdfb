package io.loadlens.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes stored values as CSV or Parquet, one row per stored value: raw values and (optionally) the
 * estimated and edited values of the VEE output, each with quality and method.
 *
 * <p>CSV columns: {@code meter_id,obis,timestamp,value,unit,quality,method,source}, times in
 * ISO-8601 UTC ({@code 2026-01-01T00:15:00Z}). Parquet has the same columns, {@code timestamp} as a
 * TIMESTAMP WITH TIME ZONE; it is written by an in-memory DuckDB for either backend.
 */
public final class Exporter {
  /** The CSV header line. */
  public static final String CSV_HEADER =
      "meter_id,obis,timestamp,value,unit,quality,method,source";

  /** Output formats. */
  public enum Format {
    CSV,
    PARQUET;

    /** Parses {@code csv} or {@code parquet}, naming the text when it is neither. */
    public static Format parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("export format '" + s + "': use csv or parquet", e);
      }
    }
  }

  private final Store store;

  public Exporter(Store store) {
    this.store = store;
  }

  /** Writes the selected values to a file. @return rows written */
  public long export(ExportFilter filter, Format format, Path file) throws IOException {
    if (format == Format.PARQUET) {
      return writeParquet(filter, file);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      return writeCsv(filter, out);
    }
  }

  /** Writes the selected values to a stream (left open). @return rows written */
  public long export(ExportFilter filter, Format format, OutputStream out) throws IOException {
    if (format == Format.CSV) {
      return writeCsv(filter, out);
    }
    Path tmp = Files.createTempFile("loadlens-export", ".parquet");
    try {
      long n = writeParquet(filter, tmp);
      Files.copy(tmp, out);
      return n;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** CSV to a stream (flushed, left open). @return rows written */
  public long writeCsv(ExportFilter filter, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write(CSV_HEADER);
    w.write('\n');
    long[] n = {0};
    StringBuilder sb = new StringBuilder(128);
    try {
      store.exportValues(
          filter,
          v -> {
            sb.setLength(0);
            sb.append(v.meter().value()).append(',');
            sb.append(v.obis()).append(',');
            sb.append(Instant.ofEpochSecond(v.epochSecond())).append(',');
            sb.append(number(v.value())).append(',');
            sb.append(csv(v.unit().symbol())).append(',');
            sb.append(v.quality()).append(',');
            sb.append(v.method() == null ? "" : v.method().name()).append(',');
            sb.append(csv(v.source())).append('\n');
            try {
              w.write(sb.toString());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            n[0]++;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
    return n[0];
  }

  /** Parquet file through an in-memory DuckDB. @return rows written */
  public long writeParquet(ExportFilter filter, Path file) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE export (meter_id VARCHAR, obis VARCHAR, ts BIGINT, value DOUBLE,"
                + " unit VARCHAR, quality VARCHAR, method VARCHAR, source VARCHAR)");
      }
      long[] n = {0};
      try (DuckDBAppender a =
          c.unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export")) {
        store.exportValues(
            filter,
            v -> {
              try {
                a.beginRow();
                a.append(v.meter().value());
                a.append(v.obis().toString());
                a.append(v.epochSecond());
                a.append(v.value());
                a.append(v.unit().symbol());
                a.append(v.quality().name());
                a.append(v.method() == null ? null : v.method().name());
                a.append(v.source());
                a.endRow();
              } catch (SQLException e) {
                throw new StoreException("parquet export: appending a row failed", e);
              }
              n[0]++;
            });
      }
      String target = file.toAbsolutePath().toString().replace("'", "''");
      try (Statement st = c.createStatement()) {
        st.execute(
            "COPY (SELECT meter_id, obis, to_timestamp(ts) AS \"timestamp\", value, unit,"
                + " quality, method, source FROM export) TO '"
                + target
                + "' (FORMAT parquet, COMPRESSION zstd)");
      }
      return n[0];
    } catch (SQLException e) {
      throw new IOException("parquet export to " + file + " failed: " + e.getMessage(), e);
    }
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}

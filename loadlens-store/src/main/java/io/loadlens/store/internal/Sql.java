package io.loadlens.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Small JDBC helpers shared by both backends. */
public final class Sql {
  private Sql() {}

  /** Work on a connection that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** SQL that turns an epoch-second parameter into a timestamptz; same in DuckDB and PostgreSQL. */
  public static final String TS_PARAM = "to_timestamp(?)";

  /** SQL that turns a timestamptz column into whole epoch seconds. */
  public static String epoch(String column) {
    return "CAST(extract(epoch FROM " + column + ") AS BIGINT)";
  }

  public static OffsetDateTime odt(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Long.MIN/MAX-safe bounds for open ranges, in epoch seconds. */
  public static long lower(Instant from) {
    return from == null ? -62135596800L : from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
  }

  public static long upper(Instant to) {
    return to == null ? 253402300799L : to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
  }
}

package io.loadlens.app.cli;

import io.loadlens.app.config.ConfigException;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Option;

/** Which meters and which time span a command works on. */
public final class Selection {
  @Option(names = "--meter", paramLabel = "ID", description = "One meter (default: all meters).")
  String meter;

  @Option(names = "--all", description = "All meters (the default).")
  boolean all;

  @Option(
      names = "--from",
      paramLabel = "ISO",
      description = "Start, inclusive: 2026-01-01 or 2026-01-01T00:00:00Z.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ISO",
      description = "End, exclusive: a date or an ISO date-time.")
  String to;

  public List<MeterInfo> meters(Store store) {
    if (meter != null && all) {
      throw new ConfigException("give --meter ID or --all, not both");
    }
    if (meter == null) {
      return store.meters();
    }
    MeterId id;
    try {
      id = MeterId.of(meter);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--meter: " + e.getMessage(), e);
    }
    return List.of(
        store
            .meter(id)
            .orElseThrow(
                () -> new ConfigException("--meter: no meter '" + meter + "' in the store")));
  }

  public Instant from() {
    return from == null ? null : parse("--from", from);
  }

  public Instant to() {
    return to == null ? null : parse("--to", to);
  }

  /** Parses a date (midnight UTC) or an ISO date-time with offset. */
  static Instant parse(String option, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          option
              + " '"
              + text
              + "' is not a date (2026-01-31) or an ISO date-time (2026-01-31T00:00:00Z)",
          e);
    }
  }
}

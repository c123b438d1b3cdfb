package io.loadlens.server.api;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Validates call arguments, turning bad input into 400 problems that name the argument. */
public final class Params {

  /** The longest time range one call may ask for. */
  public static final Duration MAX_RANGE = Duration.ofDays(3 * 366);

  private Params() {}

  /** A validated half-open range {@code [from, to)}. */
  public record Range(Instant from, Instant to) {}

  public static String required(Args a, String name) {
    return a.get(name)
        .orElseThrow(() -> ApiException.badRequest("argument '" + name + "' is required"));
  }

  public static MeterId meter(Args a) {
    return meterId(required(a, "meter"), "meter");
  }

  public static MeterId meterId(String text, String name) {
    try {
      return MeterId.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("argument '" + name + "': " + e.getMessage());
    }
  }

  public static ObisCode obis(Args a, ObisCode dflt) {
    return a.get("obis").map(t -> parseObis(t)).orElse(dflt);
  }

  private static ObisCode parseObis(String t) {
    try {
      return ObisCode.parse(t);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("argument 'obis': " + e.getMessage());
    }
  }

  /** The earliest instant an argument may name: meters report nothing before it. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The first instant after the latest an argument may name (the stores' timestamps end there). */
  public static final Instant END_OF_TIME = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * An ISO-8601 instant ({@code 2024-01-01T00:00:00Z}) or date ({@code 2024-01-01}, UTC) from 1970
   * up to the end of year 9999.
   */
  public static Instant instant(String text, String name) {
    Instant t;
    try {
      if (text.length() == 10) {
        t = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        t = Instant.parse(text);
      }
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "argument '"
              + name
              + "': '"
              + text
              + "' is not an ISO-8601 instant (2024-01-01T00:00:00Z) or date (2024-01-01)");
    }
    if (t.isBefore(EARLIEST) || !t.isBefore(END_OF_TIME)) {
      throw ApiException.badRequest(
          "argument '" + name + "': " + t + " is outside 1970-01-01 .. 9999-12-31");
    }
    return t;
  }

  /** {@code from} and {@code to} with defaults; {@code to} after {@code from}, at most 3 years. */
  public static Range range(Args a, Instant defaultFrom, Instant defaultTo) {
    Instant from = a.get("from").map(t -> instant(t, "from")).orElse(defaultFrom);
    Instant to = a.get("to").map(t -> instant(t, "to")).orElse(defaultTo);
    if (!to.isAfter(from)) {
      throw ApiException.badRequest(
          "argument 'to' (" + to + ") must be after 'from' (" + from + ")");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw ApiException.badRequest(
          "range "
              + from
              + " .. "
              + to
              + " is longer than the limit of "
              + MAX_RANGE.toDays()
              + " days");
    }
    return new Range(from, to);
  }

  public static int integer(Args a, String name, int dflt, int min, int max) {
    String t = a.get(name).orElse(null);
    if (t == null) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(t.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("argument '" + name + "': '" + t + "' is not an integer");
    }
    if (v < min || v > max) {
      throw ApiException.badRequest(
          "argument '" + name + "': " + v + " is outside " + min + ".." + max);
    }
    return v;
  }

  /** An ISO-8601 duration ({@code PT15M}, {@code PT1H}, {@code P1D}) between 1 min and 31 days. */
  public static Duration duration(Args a, String name, Duration dflt) {
    String t = a.get(name).orElse(null);
    if (t == null) {
      return dflt;
    }
    Duration d;
    try {
      d = Duration.parse(t.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "argument '" + name + "': '" + t + "' is not an ISO-8601 duration such as PT15M or P1D");
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(31)) > 0) {
      throw ApiException.badRequest("argument '" + name + "': " + t + " is outside PT1M..P31D");
    }
    return d;
  }

  public static <E extends Enum<E>> E choice(Args a, String name, Class<E> type, E dflt) {
    String t = a.get(name).orElse(null);
    if (t == null) {
      return dflt;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(t.trim())) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      known.append(known.isEmpty() ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw ApiException.badRequest("argument '" + name + "': '" + t + "' is not one of " + known);
  }

  public static double number(Args a, String name) {
    String t = required(a, name);
    try {
      double v = Double.parseDouble(t.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("argument '" + name + "': '" + t + "' is not a finite number");
    }
  }
}

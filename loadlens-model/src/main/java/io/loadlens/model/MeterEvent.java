package io.loadlens.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a meter or its data over a span of time: a gap, an outage, a read
 * failure, a validation finding. Events are what operators list and count by code.
 *
 * @param meter the meter
 * @param kind what happened
 * @param start first instant concerned (inclusive)
 * @param end last instant concerned (exclusive); equal to start for a point event
 * @param code the operator code, when the event has one (e.g. {@code 0x09} for a missing entry)
 * @param detail a human-readable explanation naming what was found
 */
public record MeterEvent(
    MeterId meter, Kind kind, Instant start, Instant end, OperatorCode code, String detail) {

  /** The kinds of event. */
  public enum Kind {
    /** Intervals missing from the meter's profile. */
    GAP,
    /** The meter reported a power failure (power-down status or event log). */
    OUTAGE,
    /** Reading the meter failed; {@code code} says why. */
    READ_FAILURE,
    /** The meter flagged a hardware fault. */
    HARDWARE_FAULT,
    /** A validation check found suspect data. */
    VALIDATION,
    /** The meter's clock was adjusted, invalid or skewed. */
    CLOCK
  }

  public MeterEvent {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    detail = detail == null ? "" : detail;
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "event " + kind + " of " + meter + ": end " + end + " is before start " + start);
    }
  }
}

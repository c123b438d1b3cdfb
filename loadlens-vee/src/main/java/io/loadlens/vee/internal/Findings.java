package io.loadlens.vee.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.vee.ValidationReason;
import java.time.Instant;
import java.util.List;

/** Turns runs of reason bits into the findings operators list: one event per run and reason. */
final class Findings {
  private Findings() {}

  static void collect(Work w, MeterId meter, ObisCode obis, List<MeterEvent> out) {
    long all = w.allReasons();
    for (ValidationReason r : ValidationReason.values()) {
      if (!r.in(all) || r == ValidationReason.LONG_GAP || r == ValidationReason.REGISTER_MISMATCH) {
        continue;
      }
      long bit = r.bit();
      int i = 0;
      while (i < w.n) {
        if ((w.reasons[i] & bit) == 0) {
          i++;
          continue;
        }
        int a = i;
        while (i < w.n && (w.reasons[i] & bit) != 0) {
          i++;
        }
        out.add(event(w, meter, obis, r, a, i));
      }
    }
  }

  private static MeterEvent event(
      Work w, MeterId meter, ObisCode obis, ValidationReason r, int a, int b) {
    Instant start = Instant.ofEpochSecond(w.time(a));
    Instant end = Instant.ofEpochSecond(w.time(b));
    String what = obis + ": " + (b - a) + " interval" + (b - a == 1 ? "" : "s") + " ";
    return switch (r) {
      case MISSING ->
          new MeterEvent(
              meter,
              MeterEvent.Kind.GAP,
              start,
              end,
              OperatorCode.PROFILE_ENTRY_MISSING,
              what + "missing" + outcome(w, a, b));
      case OUTAGE ->
          new MeterEvent(
              meter,
              MeterEvent.Kind.OUTAGE,
              start,
              end,
              null,
              what + "with a power-down (PDN) status or inside an outage gap");
      case HARDWARE_FAULT ->
          new MeterEvent(
              meter,
              MeterEvent.Kind.HARDWARE_FAULT,
              start,
              end,
              OperatorCode.HARDWARE_FAULT,
              what + "with the critical-error (ERR) status" + outcome(w, a, b));
      case CLOCK_STATUS, CLOCK_SHIFT, DST_HOLE, DST_DUPLICATE ->
          new MeterEvent(meter, MeterEvent.Kind.CLOCK, start, end, null, what + describe(r));
      default ->
          new MeterEvent(
              meter,
              MeterEvent.Kind.VALIDATION,
              start,
              end,
              null,
              what + describe(r) + outcome(w, a, b));
    };
  }

  private static String outcome(Work w, int a, int b) {
    EstimationMethod m = w.method[a];
    return m == null
        ? (w.quality[a] == io.loadlens.model.Quality.MISSING ? "; not estimated" : "")
        : "; estimated: " + m;
  }

  static String describe(ValidationReason r) {
    return switch (r) {
      case MISSING -> "missing";
      case OUTAGE -> "power down";
      case HARDWARE_FAULT -> "hardware fault";
      case DATA_NOT_VALID -> "data not valid (DNV status)";
      case CLOCK_STATUS -> "clock adjusted or invalid (CAD/CIV status)";
      case CLOCK_SHIFT -> "capture time off the interval grid";
      case DST_HOLE -> "hole of exactly the DST shift at spring-forward (local-time stamping)";
      case DST_DUPLICATE -> "repeat the hour before the DST fall-back (replayed local hour)";
      case DUPLICATE -> "read twice with the same value";
      case CONFLICT -> "read twice with different values";
      case NEGATIVE -> "negative (register went backwards)";
      case SPIKE -> "spike (highest far above the third highest of the day)";
      case ZERO_RUN -> "zero consumption for a long run";
      case FLAT_LINE -> "constant non-zero value for a long run";
      case ABOVE_CAPACITY -> "demand above the connection capacity";
      case REGISTER_MISMATCH -> "interval sum differs from the register difference";
      case LONG_GAP -> "estimated in a gap longer than the billing limit";
    };
  }
}

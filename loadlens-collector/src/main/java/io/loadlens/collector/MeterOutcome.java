package io.loadlens.collector;

import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How reading one meter went in one pass.
 *
 * @param meter the meter
 * @param group its group ("" when none)
 * @param code empty for a clean read; {@link OperatorCode#PROFILE_ENTRY_MISSING} when the read
 *     succeeded but intervals are missing; {@link OperatorCode#HARDWARE_FAULT} when rows carry the
 *     critical-error status (the rows are still delivered); otherwise why the read failed
 * @param rows rows delivered (a partial read of several profiles may deliver rows and still fail)
 * @param gaps missing intervals found
 * @param faultRows rows with the critical-error status bit
 * @param attempts sessions opened or tried
 * @param duration from the first attempt to the end, including waits for permits and backoff
 * @param sessionTime time spent connected (connect, association, reads, release), over all
 *     attempts; excludes waits for permits and backoff
 * @param reason what went wrong, naming what was found; empty for a clean read
 */
public record MeterOutcome(
    MeterId meter,
    String group,
    Optional<OperatorCode> code,
    int rows,
    int gaps,
    int faultRows,
    int attempts,
    Duration duration,
    Duration sessionTime,
    String reason) {

  public MeterOutcome {
    Objects.requireNonNull(meter, "meter");
    group = group == null ? "" : group;
    code = code == null ? Optional.empty() : code;
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(sessionTime, "sessionTime");
    reason = reason == null ? "" : reason;
  }

  /** The profile was transferred: clean, or with gaps that were recorded as events. */
  public boolean ok() {
    return code.isEmpty() || code.get() == OperatorCode.PROFILE_ENTRY_MISSING;
  }
}

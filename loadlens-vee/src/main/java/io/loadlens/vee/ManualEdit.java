package io.loadlens.vee;

import io.loadlens.model.ObisCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's correction of one interval, kept as an audit record by the caller and applied over a
 * validated series by {@link VeeEditor} (quality {@code EDITED}, method {@code MANUAL}).
 *
 * @param obis the interval channel edited, e.g. {@code 1-0:1.29.0.255}
 * @param intervalStart the start of the interval edited
 * @param value the new value (finite, in the series' unit)
 * @param user who made the edit
 * @param reason why (required: edits are audited)
 */
public record ManualEdit(
    ObisCode obis, Instant intervalStart, double value, String user, String reason) {

  public ManualEdit {
    Objects.requireNonNull(obis, "obis");
    Objects.requireNonNull(intervalStart, "intervalStart");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "ManualEdit.value must be finite, got " + value + " for " + intervalStart);
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "ManualEdit.user is required (edit at " + intervalStart + ")");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "ManualEdit.reason is required (edit at " + intervalStart + " by " + user + ")");
    }
  }
}

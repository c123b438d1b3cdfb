package io.loadlens.store;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Instant;
import java.util.Objects;

/** A value set by a person, with who and why. Audited; never overwrites raw data. */
public record ManualEdit(
    MeterId meter,
    ObisCode obis,
    Instant timestamp,
    double value,
    String user,
    String reason,
    Instant editedAt) {
  public ManualEdit {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(obis, "obis");
    Objects.requireNonNull(timestamp, "timestamp");
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "edit of " + meter + " at " + timestamp + ": user is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "edit of " + meter + " at " + timestamp + ": reason is required");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "edit of " + meter + " at " + timestamp + ": value " + value + " is not finite");
    }
  }
}
